/**
 * REST objects in the shapes GitHub's OpenAPI description gives (`simple-user`, `repository`,
 * `pull-request-simple`), every required field present; tests validate them against
 * `@octokit/openapi`. Like GitHub's, each pull request embeds its head and base repository
 * with `pushed_at` and `stargazers_count`, so the list's ETag changes on any push.
 */
import { labelNames, numericId, utc, type Served, type ServerPull } from './model.ts';

const API_HOST = (s: Served) => s.base();
const nodeId = (kind: string, text: string) => Buffer.from(`${kind}:${text}`).toString('base64');

export function simpleUser(s: Served, login: string) {
  const url = `${API_HOST(s)}/users/${login}`;
  return {
    login,
    id: numericId(`user:${login}`),
    node_id: nodeId('User', login),
    avatar_url: `https://avatars.githubusercontent.com/u/${numericId(`user:${login}`)}?v=4`,
    gravatar_id: '',
    url,
    html_url: `https://github.com/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: 'User',
    site_admin: false,
  };
}

export interface RepoFacts {
  /** The newest commit's committer date: GitHub's `pushed_at`. */
  pushedAt: string | null;
  stars: number;
}

export function repositoryObject(s: Served, facts: RepoFacts) {
  const full = `${s.owner}/${s.name}`;
  const url = `${API_HOST(s)}/repos/${full}`;
  const t = (path: string) => `${url}/${path}`;
  return {
    id: numericId(`repo:${full}`),
    node_id: nodeId('Repository', full),
    name: s.name,
    full_name: full,
    owner: { ...simpleUser(s, s.owner), type: 'Organization' },
    private: false,
    html_url: `https://github.com/${full}`,
    description: null,
    fork: false,
    url,
    archive_url: t('{archive_format}{/ref}'),
    assignees_url: t('assignees{/user}'),
    blobs_url: t('git/blobs{/sha}'),
    branches_url: t('branches{/branch}'),
    collaborators_url: t('collaborators{/collaborator}'),
    comments_url: t('comments{/number}'),
    commits_url: t('commits{/sha}'),
    compare_url: t('compare/{base}...{head}'),
    contents_url: t('contents/{+path}'),
    contributors_url: t('contributors'),
    deployments_url: t('deployments'),
    downloads_url: t('downloads'),
    events_url: t('events'),
    forks_url: t('forks'),
    git_commits_url: t('git/commits{/sha}'),
    git_refs_url: t('git/refs{/sha}'),
    git_tags_url: t('git/tags{/sha}'),
    git_url: `git://github.com/${full}.git`,
    issue_comment_url: t('issues/comments{/number}'),
    issue_events_url: t('issues/events{/number}'),
    issues_url: t('issues{/number}'),
    keys_url: t('keys{/key_id}'),
    labels_url: t('labels{/name}'),
    languages_url: t('languages'),
    merges_url: t('merges'),
    milestones_url: t('milestones{/number}'),
    notifications_url: t('notifications{?since,all,participating}'),
    pulls_url: t('pulls{/number}'),
    releases_url: t('releases{/id}'),
    ssh_url: `git@github.com:${full}.git`,
    stargazers_url: t('stargazers'),
    statuses_url: t('statuses/{sha}'),
    subscribers_url: t('subscribers'),
    subscription_url: t('subscription'),
    tags_url: t('tags'),
    teams_url: t('teams'),
    trees_url: t('git/trees{/sha}'),
    clone_url: `https://github.com/${full}.git`,
    mirror_url: null,
    hooks_url: t('hooks'),
    svn_url: `https://github.com/${full}`,
    homepage: null,
    language: 'Python',
    forks_count: 0,
    forks: 0,
    stargazers_count: facts.stars,
    watchers_count: facts.stars,
    watchers: facts.stars,
    size: 0,
    default_branch: s.branch,
    open_issues_count: s.pulls.filter((p) => p.state === 'open').length,
    open_issues: s.pulls.filter((p) => p.state === 'open').length,
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    archived: false,
    disabled: false,
    license: null,
    pushed_at: utc(facts.pushedAt),
    created_at: '2021-07-01T00:00:00Z',
    updated_at: utc(facts.pushedAt),
  };
}

/** `pull-request-simple`, as `GET /repos/{owner}/{repo}/pulls` lists it. */
export function pullSimple(s: Served, p: ServerPull, repo: ReturnType<typeof repositoryObject>, baseSha: string) {
  const full = `${s.owner}/${s.name}`;
  const url = `${API_HOST(s)}/repos/${full}/pulls/${p.number}`;
  const issue = `${API_HOST(s)}/repos/${full}/issues/${p.number}`;
  const html = p.html_url ?? `https://github.com/${full}/pull/${p.number}`;
  const user = p.author ? simpleUser(s, p.author) : null;
  const headSha = p.head_sha ?? baseSha;
  const headRef = p.head_ref ?? `pull-${p.number}`;
  return {
    url,
    id: numericId(`pull:${full}#${p.number}`),
    node_id: nodeId('PullRequest', `${full}#${p.number}`),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issue,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${API_HOST(s)}/repos/${full}/pulls/comments{/number}`,
    comments_url: `${issue}/comments`,
    statuses_url: `${API_HOST(s)}/repos/${full}/statuses/${headSha}`,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user,
    body: null,
    labels: labelNames(p).map((name) => ({
      id: numericId(`label:${name}`),
      node_id: nodeId('Label', name),
      url: `${API_HOST(s)}/repos/${full}/labels/${encodeURIComponent(name)}`,
      name,
      description: '',
      color: 'ededed',
      default: false,
    })),
    milestone: null,
    active_lock_reason: null,
    created_at: utc(p.created_at),
    updated_at: utc(p.updated_at),
    closed_at: utc(p.closed_at),
    merged_at: utc(p.merged_at),
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: { label: `${s.owner}:${headRef}`, ref: headRef, sha: headSha, user: repo.owner, repo },
    base: { label: `${s.owner}:${s.branch}`, ref: s.branch, sha: baseSha, user: repo.owner, repo },
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: issue },
      comments: { href: `${issue}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${API_HOST(s)}/repos/${full}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${API_HOST(s)}/repos/${full}/statuses/${headSha}` },
    },
    author_association: 'CONTRIBUTOR',
    auto_merge: null,
    draft: Boolean(p.draft),
  };
}
