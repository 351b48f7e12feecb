/**
 * The call report for a past week of the snapshot, 2024-11-19 to 2024-11-26 (IaaS v5 and
 * KaaS v1 stabilized, three standards stabilized), asserted line by line against what the
 * data says happened; and the report computed as the data stood at `until`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { datasetAsOf, documentAsOf, pullStateAsOf, scopeAsOf } from '../../../src/domain/dataset/dataset-as-of.ts';
import { buildReport, defaultPeriod, ReportPeriodError } from '../../../src/domain/report/report.ts';
import { docsUrl } from '../../../src/domain/links/upstream-links.ts';
import { reportMarkdown } from '../../../src/domain/report/report-markdown.ts';
import { validityOn } from '../../../src/domain/scopes/validity.ts';
import type { Dataset } from '../../../src/domain/schemas/data.ts';
import { pull, realData } from '../../support/real-data.ts';

let data: Dataset;
beforeAll(async () => {
  data = await realData();
});

const WEEK = [
  '# SIG Standards/Certification',
  '',
  'Report for 2024-11-19 to 2024-11-26, pull requests as of 2026-08-21',
  '',
  '- Standards: 3 stabilized, 0 deprecated, 3 new documents',
  '- Scope timelines: 4 changes, 5 transitions took effect',
  '- Pull requests: 9 opened, 12 merged, 2 closed',
  '- Due by 2025-01-25: 1 transition',
  '',
  '----',
  '',
  '## Standards',
  '',
  '- [scs-0123-v1](https://docs.scs.community/standards/scs-0123-v1-mandatory-and-supported-IaaS-services) Mandatory and Supported IaaS Services: Stable from 2024-11-20 ([PR#828](https://github.com/SovereignCloudStack/standards/pull/828))',
  '- [scs-0219-v1](https://docs.scs.community/standards/scs-0219-v1-kaas-networking) KaaS Networking Standard: Stable from 2024-11-21 ([PR#833](https://github.com/SovereignCloudStack/standards/pull/833))',
  '- [scs-0214-v2](https://docs.scs.community/standards/scs-0214-v2-k8s-node-distribution) Kubernetes Node Distribution and Availability: Stable from 2024-11-21 ([PR#835](https://github.com/SovereignCloudStack/standards/pull/835))',
  '- [scs-0124-v1](https://docs.scs.community/standards/scs-0124-v1-security-of-iaas-service-software) Standard for the security of IaaS service software: new draft ([PR#836](https://github.com/SovereignCloudStack/standards/pull/836))',
  '- [scs-0124-w1](https://docs.scs.community/standards/scs-0124-w1-security-of-iaas-service-software) SCS Standard for the security of IaaS service software: Implementation and Testing Notes: new draft ([PR#836](https://github.com/SovereignCloudStack/standards/pull/836))',
  '- [scs-0125-v1](https://docs.scs.community/standards/scs-0125-v1-secure-connections) Secure Connections: new draft ([PR#548](https://github.com/SovereignCloudStack/standards/pull/548))',
  '',
  '----',
  '',
  '## Scope timelines',
  '',
  '- KaaS v2 becomes a draft on 2024-02-28: withdrawn ([PR#753](https://github.com/SovereignCloudStack/standards/pull/753))',
  '- IaaS v4 enters its warn period on 2025-01-01 ([PR#824](https://github.com/SovereignCloudStack/standards/pull/824))',
  '- IaaS v5 becomes effective on 2024-11-21 ([PR#824](https://github.com/SovereignCloudStack/standards/pull/824))',
  '- KaaS v1 becomes effective on 2024-11-26 ([PR#843](https://github.com/SovereignCloudStack/standards/pull/843))',
  '',
  '----',
  '',
  '## Rule check (scs-0003-v1)',
  '',
  '- advisory (scs-0003-v1, Process): IaaS: sets 2024-11-21 0 days ahead, less than the 14 days of announcement ([PR#824](https://github.com/SovereignCloudStack/standards/pull/824))',
  '- advisory (scs-0003-v1, Process): KaaS: sets 2024-11-26 0 days ahead, less than the 14 days of announcement ([PR#844](https://github.com/SovereignCloudStack/standards/pull/844))',
  '',
  '----',
  '',
  '## Took effect',
  '',
  '- 2024-11-20: [scs-0123-v1](https://docs.scs.community/standards/scs-0123-v1-mandatory-and-supported-IaaS-services) becomes Stable ([PR#828](https://github.com/SovereignCloudStack/standards/pull/828))',
  '- 2024-11-21: IaaS v5 becomes effective ([PR#824](https://github.com/SovereignCloudStack/standards/pull/824))',
  '- 2024-11-21: [scs-0214-v2](https://docs.scs.community/standards/scs-0214-v2-k8s-node-distribution) becomes Stable ([PR#835](https://github.com/SovereignCloudStack/standards/pull/835))',
  '- 2024-11-21: [scs-0219-v1](https://docs.scs.community/standards/scs-0219-v1-kaas-networking) becomes Stable ([PR#833](https://github.com/SovereignCloudStack/standards/pull/833))',
  '- 2024-11-26: KaaS v1 becomes effective ([PR#843](https://github.com/SovereignCloudStack/standards/pull/843))',
  '',
  '----',
  '',
  '## Merged (1/2)',
  '',
  '- [PR#753](https://github.com/SovereignCloudStack/standards/pull/753) Enable compliance tests to use plugins for cluster provisioning (scope-version change, tonifinger)',
  '- [PR#765](https://github.com/SovereignCloudStack/standards/pull/765) Create a standard for the security of iaas service software (new draft, markus-hentsch)',
  '- [PR#828](https://github.com/SovereignCloudStack/standards/pull/828) Stabilize 0123 and mention need for S3 endpoints being documented. (stabilization)',
  '- [PR#834](https://github.com/SovereignCloudStack/standards/pull/834) Revert any non-editorial changes to scs-0214-v1 that happened after stabilization (revision)',
  '- [PR#824](https://github.com/SovereignCloudStack/standards/pull/824) Stabilize SCS-compatible IaaS v5 (scope-version change, mbuechse)',
  '- [PR#832](https://github.com/SovereignCloudStack/standards/pull/832) Feat/sonobuoy integration (scope-version change, tonifinger)',
  '- [PR#833](https://github.com/SovereignCloudStack/standards/pull/833) Stabilize scs-0219-v1 (stabilization, garloff)',
  '- [PR#836](https://github.com/SovereignCloudStack/standards/pull/836) Update number for security iaa s standard (new draft, josephineSei)',
  '',
  '----',
  '',
  '## Merged (2/2)',
  '',
  '- [PR#548](https://github.com/SovereignCloudStack/standards/pull/548) Add Secure Connections Standard (new draft, markus-hentsch)',
  '- [PR#835](https://github.com/SovereignCloudStack/standards/pull/835) Stabilize scs-0214-v1 (stabilization, garloff)',
  '- [PR#843](https://github.com/SovereignCloudStack/standards/pull/843) Stabilize SCS-compatible KaaS v1 (scope-version change, garloff)',
  '- [PR#844](https://github.com/SovereignCloudStack/standards/pull/844) Hotfix: syntax error in yaml file (scope-version change)',
  '',
  '----',
  '',
  '## Opened (1/2)',
  '',
  '- [PR#832](https://github.com/SovereignCloudStack/standards/pull/832) Feat/sonobuoy integration (scope-version change, tonifinger)',
  '- [PR#833](https://github.com/SovereignCloudStack/standards/pull/833) Stabilize scs-0219-v1 (stabilization, garloff)',
  '- [PR#834](https://github.com/SovereignCloudStack/standards/pull/834) Revert any non-editorial changes to scs-0214-v1 that happened after stabilization (revision)',
  '- [PR#835](https://github.com/SovereignCloudStack/standards/pull/835) Stabilize scs-0214-v1 (stabilization, garloff)',
  '- [PR#836](https://github.com/SovereignCloudStack/standards/pull/836) Update number for security iaa s standard (new draft, josephineSei)',
  '- [PR#841](https://github.com/SovereignCloudStack/standards/pull/841) Draft: Feat/node distribution implementation notes (revision, tsmado)',
  "- [PR#842](https://github.com/SovereignCloudStack/standards/pull/842) fix: Test id not machting sonobuoy 'check\\_name' (scope-version change, tonifinger)",
  '- [PR#843](https://github.com/SovereignCloudStack/standards/pull/843) Stabilize SCS-compatible KaaS v1 (scope-version change, garloff)',
  '',
  '----',
  '',
  '## Opened (2/2)',
  '',
  '- [PR#844](https://github.com/SovereignCloudStack/standards/pull/844) Hotfix: syntax error in yaml file (scope-version change)',
  '',
  '----',
  '',
  '## Closed without merge',
  '',
  '- [PR#819](https://github.com/SovereignCloudStack/standards/pull/819) Feat/sonobuoy integration (scope-version change, tonifinger)',
  '- [PR#656](https://github.com/SovereignCloudStack/standards/pull/656) Draft: kaas logging monitoring tracing (revision, tonifinger)',
  '',
  '----',
  '',
  '## In progress on 2024-11-26 (1/2)',
  '',
  "- [PR#842](https://github.com/SovereignCloudStack/standards/pull/842) scope change of the kaas scope, open 1 day: fix: Test id not machting sonobuoy 'check\\_name'",
  '- [PR#813](https://github.com/SovereignCloudStack/standards/pull/813) new draft of scs-0005-v1, open 19 days: Feat/add scs 0005 project governance',
  '- [PR#648](https://github.com/SovereignCloudStack/standards/pull/648) new draft of scs-XXXX-vN-kaas\\_load\\_balancers, open 153 days, stale (no update for 153 days): Add draft for KaaS LB standard \\(\\#169\\)',
  '- [PR#630](https://github.com/SovereignCloudStack/standards/pull/630) new draft of scs-0103-v2, open 167 days, stale (no update for 166 days): Proposal of scs-0103-v2-standard-flavors.md to lift restriction\u2026',
  '- [PR#577](https://github.com/SovereignCloudStack/standards/pull/577) new draft of scs-0129-v1, open 216 days, stale (no update for 216 days): Add draft for VM time synchronisation decisions',
  '- [PR#576](https://github.com/SovereignCloudStack/standards/pull/576) new draft of scs-0106-v1, open 217 days, stale (no update for 172 days): decision in the matter of cloudmon/stackmon approach - review',
  '- [PR#572](https://github.com/SovereignCloudStack/standards/pull/572) new draft of scs-0004-w1, scs-0126-v1, scs-0126-w1, open 221 days, stale (no update for 221 days): Add standard for provider networks',
  '- [PR#461](https://github.com/SovereignCloudStack/standards/pull/461) new draft of scs-0113-ceph-deployment, open 294 days, stale (no update for 63 days): Add ADR for the new ceph deployment',
  '',
  '----',
  '',
  '## In progress on 2024-11-26 (2/2)',
  '',
  '- [PR#187](https://github.com/SovereignCloudStack/standards/pull/187) new draft of scs-xxxx-v1-sovereign-cloud-standards-yaml, open 676 days, stale (no update for 676 days): Write result of compliance check to given path',
  '- [PR#144](https://github.com/SovereignCloudStack/standards/pull/144) new draft of scs-xxxx-v1-choice-of-identity, open 788 days, stale (no update for 788 days): Add Draft "Choice of identity" Decision Record',
  '- [PR#140](https://github.com/SovereignCloudStack/standards/pull/140) new draft of scs-xxxx-v1-machine-identity, open 795 days, stale (no update for 152 days): Add 0001\\_machine\\_identity.md ADR draft',
  '- [PR#841](https://github.com/SovereignCloudStack/standards/pull/841) revision of scs-0214-w1, open 4 days: Draft: Feat/node distribution implementation notes',
  '- [PR#781](https://github.com/SovereignCloudStack/standards/pull/781) revision of scs-0004-v1, open 44 days, stale (no update for 44 days): Feat/add certification process2',
  '',
  '----',
  '',
  '## Proposed, not announced: pull requests open on 2024-11-26',
  '',
  "- [PR#842](https://github.com/SovereignCloudStack/standards/pull/842) fix: Test id not machting sonobuoy 'check\\_name' (its head at the end of the data): does not merge into main: what it changes in Tests/scs-compatible-kaas.yaml is not known",
  '',
  '----',
  '',
  '## Due by 2025-01-25',
  '',
  '- 2025-01-01: IaaS v4 enters its warn period ([PR#824](https://github.com/SovereignCloudStack/standards/pull/824))',
];

describe('report for 2024-11-19 to 2024-11-26', () => {
  it('is, line by line, what happened that week', () => {
    const md = reportMarkdown(buildReport(data, { since: '2024-11-19', until: '2024-11-26' }));
    const lines = md.split('\n');
    expect(lines.at(-1)).toBe('');
    lines.pop();
    for (let i = 0; i < Math.max(lines.length, WEEK.length); i++) expect(lines[i], `line ${i + 1}`).toBe(WEEK[i]);
  });

  it('holds the same facts as JSON', () => {
    const r = buildReport(data, { since: '2024-11-19', until: '2024-11-26' });
    expect(r.documents.stabilized.map((d) => [d.id, d.on, d.pr])).toEqual([
      ['scs-0123-v1', '2024-11-20', 828],
      ['scs-0219-v1', '2024-11-21', 833],
      ['scs-0214-v2', '2024-11-21', 835],
    ]);
    expect(r.documents.added.map((d) => d.id)).toEqual(['scs-0124-v1', 'scs-0124-w1', 'scs-0125-v1']);
    expect(r.scopeChanges.map((c) => `${c.scope} ${c.version} ${c.validity} ${c.target} #${c.pr}`)).toEqual([
      // #753 removed KaaS v2, and with it its draft date: a withdrawal, even of a past date.
      'kaas v2 draft null #753',
      'iaas v4 warn 2025-01-01 #824',
      'iaas v5 effective 2024-11-21 #824',
      'kaas v1 effective 2024-11-26 #843',
    ]);
    expect(r.pulls.merged.map((p) => p.number)).toEqual([753, 765, 828, 834, 824, 832, 833, 836, 548, 835, 843, 844]);
    expect(r.pulls.closed.map((p) => p.number)).toEqual([819, 656]);
    expect(r.due.map((t) => `${t.date} ${t.subject} ${t.becomes}`)).toEqual(['2025-01-01 IaaS v4 warn']);
    expect(r.dueUntil).toBe('2025-01-25');
  });
});

describe('the data as it stood at until', () => {
  it('takes the day a merge landed from its timestamp as written: #835 merged 2024-11-26T00:05+01:00 is on the 26th', () => {
    const p = pull(data, 835);
    expect(pullStateAsOf(p, '2024-11-19')).toBeNull();
    expect(pullStateAsOf(p, '2024-11-20')).toBe('open');
    expect(pullStateAsOf(p, '2024-11-25')).toBe('open');
    expect(pullStateAsOf(p, '2024-11-26')).toBe('merged');
    expect(pullStateAsOf(pull(data, 842), '2024-11-24')).toBeNull();
    expect(pullStateAsOf(pull(data, 842), '2024-11-25')).toBe('open');
    expect(pullStateAsOf(pull(data, 819), '2024-11-18')).toBe('open');
    expect(pullStateAsOf(pull(data, 819), '2024-11-19')).toBe('closed');
  });

  it('ends a report on the 25th without #835 and without scs-0214-v2 becoming Stable', () => {
    const r = buildReport(data, { since: '2024-11-19', until: '2024-11-25' });
    expect(r.pulls.merged.map((p) => p.number)).not.toContain(835);
    expect(r.documents.stabilized.map((d) => d.id)).toEqual(['scs-0123-v1', 'scs-0219-v1']);
    expect(r.pulls.opened.map((p) => p.number)).toContain(842);
  });

  it('documents: scs-0123-v1 is Draft on 2024-11-19 and Stable from 2024-11-20 (#828); absent before #587', () => {
    const doc = data.documents.find((d) => d.id === 'scs-0123-v1')!;
    expect(documentAsOf(doc, '2024-11-12')).toBeNull();
    expect(documentAsOf(doc, '2024-11-19')).toMatchObject({ status: 'Draft', stabilizedAt: null });
    expect(documentAsOf(doc, '2024-11-20')).toMatchObject({ status: 'Stable', stabilizedAt: '2024-11-20' });
    expect(documentAsOf(doc, '2024-11-21')?.history).toHaveLength(2);
  });

  it('scopes: the IaaS timeline of 2024-11-20 does not know v5 turns effective; that of 2024-11-21 (#824) does', () => {
    const iaas = data.scopes.find((s) => s.id === 'iaas')!;
    expect(validityOn(scopeAsOf(iaas, '2024-11-20')!.timeline, 'v5', '2024-11-22')).toBe('draft');
    expect(validityOn(scopeAsOf(iaas, '2024-11-21')!.timeline, 'v5', '2024-11-22')).toBe('effective');
    expect(datasetAsOf(data, '2023-01-01').scopes).toEqual([]);
  });

  it('lists as due only what was announced by until: IaaS v4 warn on 2025-01-01 came with #824 on 2024-11-21', () => {
    const before = buildReport(data, { since: '2024-11-14', until: '2024-11-20' });
    expect(before.due).toEqual([]);
    const after = buildReport(data, { since: '2024-11-15', until: '2024-11-21' });
    expect(after.due.map((t) => `${t.date} ${t.subject} ${t.becomes} #${t.pr}`)).toEqual([
      '2025-01-01 IaaS v4 warn #824',
    ]);
  });

  it('the report for 2024-12-16 to 2024-12-22 has IaaS v5.1 (#859) and the move of v4 warn to 2025-02-01', () => {
    const md = reportMarkdown(buildReport(data, { since: '2024-12-16', until: '2024-12-22' }));
    expect(md).toContain(
      '- IaaS v4 enters its warn period on 2025-02-01 instead of 2025-01-01 ([PR#859](https://github.com/SovereignCloudStack/standards/pull/859))',
    );
    expect(md).toContain(
      '- IaaS v5.1 is a new scope version ([PR#859](https://github.com/SovereignCloudStack/standards/pull/859))',
    );
    expect(md).toContain(
      '- 2025-02-01: IaaS v4 enters its warn period ([PR#859](https://github.com/SovereignCloudStack/standards/pull/859))',
    );
  });
});

describe('period', () => {
  it('includes both ends: merges of the day before since and the day after until stay out', () => {
    const day = buildReport(data, { since: '2024-11-21', until: '2024-11-21' });
    // #828 merged 2024-11-20, #824/#832/#833/#836 on 2024-11-21, #548 on 2024-11-25.
    expect(day.pulls.merged.map((p) => p.number)).toEqual([824, 832, 833, 836]);
    const next = buildReport(data, { since: '2024-11-22', until: '2024-11-25' });
    expect(next.pulls.merged.map((p) => p.number)).toEqual([548]);
    const before = buildReport(data, { since: '2024-11-20', until: '2024-11-20' });
    expect(before.pulls.merged.map((p) => p.number)).toEqual([765, 828, 834]);
  });

  it('defaults to the 7 days before today, or the 7 days ending with the data when it ends earlier', () => {
    const meta = { pullsAsOf: '2026-08-21' };
    expect(defaultPeriod('2025-01-15', meta)).toEqual({ since: '2025-01-08', until: '2025-01-14' });
    expect(defaultPeriod('2025-03-01', meta)).toEqual({ since: '2025-02-22', until: '2025-02-28' });
    // The day after the data's end is the last day whose week ends before today with data throughout.
    expect(defaultPeriod('2026-08-22', meta)).toEqual({ since: '2026-08-15', until: '2026-08-21' });
    expect(defaultPeriod('2026-08-23', meta)).toEqual({ since: '2026-08-15', until: '2026-08-21' });
    expect(defaultPeriod('2026-08-21', meta)).toEqual({ since: '2026-08-14', until: '2026-08-20' });
    expect(defaultPeriod('2026-12-01', meta)).toEqual({ since: '2026-08-15', until: '2026-08-21' });
  });

  it('names what was in progress at the end of 2024-11-21, as on the SIG slide of that call: scs-0214-v2 with #835', () => {
    const r = buildReport(data, { since: '2024-11-14', until: '2024-11-21' });
    expect(r.inProgress?.on).toBe('2024-11-21');
    const p835 = r.inProgress!.pulls.find((p) => p.number === 835);
    expect(p835).toMatchObject({ kind: 'stabilization', documents: ['scs-0214-v2'], daysOpen: 1, stale: false });
    expect(r.inProgress!.pulls[0]!.number).toBe(835);
    expect(r.inProgress!.byDocument.find((g) => g.group === 'scs-0214-v2')?.pulls).toEqual([835]);
    // Only pull requests open then: #824 merged that day, #1166 was not opened yet.
    expect(r.inProgress!.pulls.map((p) => p.number)).not.toContain(824);
    expect(r.inProgress!.pulls.every((p) => p.opened !== null && p.opened <= '2024-11-21')).toBe(true);
    expect(reportMarkdown(r)).toContain(
      '- [PR#835](https://github.com/SovereignCloudStack/standards/pull/835) stabilization of scs-0214-v2, open 1 day: Stabilize scs-0214-v1',
    );
    // Staleness on that day: #813, opened 14 days before, is not stale; #548 is.
    expect(r.inProgress!.pulls.find((p) => p.number === 813)?.stale).toBe(false);
    expect(r.inProgress!.pulls.find((p) => p.number === 548)?.stale).toBe(true);
    expect(buildReport(data, { since: '2026-11-24', until: '2026-11-30' }).inProgress).toBeNull();
  });

  it('says how close each draft scope version was at the end of 2024-11-21: KaaS v1 waits for scs-0214-v2 (#835)', () => {
    const r = buildReport(data, { since: '2024-11-14', until: '2024-11-21' });
    expect(r.readiness!.map((x) => x.words)).toEqual([
      'KaaS v1: scs-0210-v2 and scs-0219-v1 Stable, CNCF Kubernetes conformance (external test); scs-0214-v2 Draft, stabilization PR #835 open 1 day',
    ]);
    expect(reportMarkdown(r)).toContain(
      '## Draft scope versions on 2024-11-21\n\n- KaaS v1: scs-0210-v2 and scs-0219-v1 Stable, CNCF Kubernetes conformance \\(external test\\); scs-0214-v2 Draft, stabilization PR \\#835 open 1 day',
    );
    // A week after KaaS v1 took effect nothing is in draft; a week past the data has no readiness to tell.
    expect(buildReport(data, { since: '2024-11-27', until: '2024-12-03' }).readiness).toEqual([]);
    expect(reportMarkdown(buildReport(data, { since: '2024-11-27', until: '2024-12-03' }))).not.toContain(
      '## Draft scope versions',
    );
    expect(buildReport(data, { since: '2026-11-24', until: '2026-11-30' }).readiness).toBeNull();
  });

  it('says what the pull requests open at the end of 2024-11-14 proposed, apart from the announced: #824', () => {
    const r = buildReport(data, { since: '2024-11-07', until: '2024-11-14' });
    const p824 = r.proposals!.find((p) => p.pr === 824)!;
    expect([p824.source, p824.opened, p824.url]).toEqual([
      'merged',
      '2024-11-13',
      'https://github.com/SovereignCloudStack/standards/pull/824',
    ]);
    expect(p824.changes.map((c) => [c.subject, c.kind, c.date])).toEqual([
      ['IaaS v5', 'announced', '2024-11-21'],
      ['IaaS v4', 'announced', '2025-01-01'],
    ]);
    // announced by then: nothing of #824 (it landed 2024-11-21)
    expect(r.due.map((d) => d.pr)).not.toContain(824);
    expect(r.scopeChanges.map((c) => c.pr)).not.toContain(824);
    expect(reportMarkdown(r)).toContain(
      '## Proposed, not announced: pull requests open on 2024-11-14\n\n- [PR#753](https://github.com/SovereignCloudStack/standards/pull/753) Enable compliance tests to use plugins for cluster provisioning (its change as merged later): KaaS v2 becomes a draft on 2024-02-28: withdrawn; KaaS v2 is removed from the scope file\n- [PR#824](https://github.com/SovereignCloudStack/standards/pull/824) Stabilize SCS-compatible IaaS v5 (its change as merged later): IaaS v5 becomes effective on 2024-11-21; IaaS v4 enters its warn period on 2025-01-01',
    );
    // The week after: #824 is merged, so announced, no longer proposed.
    expect(buildReport(data, { since: '2024-11-15', until: '2024-11-21' }).proposals!.map((p) => p.pr)).not.toContain(
      824,
    );
    expect(buildReport(data, { since: '2026-11-24', until: '2026-11-30' }).proposals).toBeNull();
  });

  it('lists the rule findings of the period: #859 on 2024-12-20 (R2 twice), citing section and PR', () => {
    const r = buildReport(data, { since: '2024-12-16', until: '2024-12-22' });
    expect(r.findings.filter((f) => f.rule === 'R2').map((f) => [f.pr, f.section, f.values.date])).toEqual([
      [859, 'scs-0003-v1, Process', '2025-01-01'],
      [859, 'scs-0003-v1, Process', '2024-12-19'],
    ]);
    expect(reportMarkdown(r)).toContain(
      '- breaks R2 (scs-0003-v1, Process): IaaS: added an entry dated 2024-12-19 \\(v4 effective, v5.1 effective\\), before the day it landed \\(2024-12-20\\) ([PR#859](https://github.com/SovereignCloudStack/standards/pull/859))',
    );
    // The week before knows nothing of it yet.
    expect(
      buildReport(data, { since: '2024-12-13', until: '2024-12-19' }).findings.filter((f) => f.pr === 859),
    ).toEqual([]);
  });

  it('says where the data ends, and counts nothing past it (built 2026-12-01: pull requests as of 2026-08-21)', () => {
    expect(data.meta.pullsAsOf).toBe('2026-08-21');
    const after = buildReport(data, { since: '2026-11-24', until: '2026-11-30' });
    expect(after.covered).toBeNull();
    expect(after.pullsAsOf).toBe('2026-08-21');
    expect(
      [
        after.pulls.opened,
        after.pulls.merged,
        after.pulls.closed,
        after.scopeChanges,
        Object.values(after.documents).flat(),
      ].flat(),
    ).toEqual([]);
    const md = reportMarkdown(after);
    expect(md).toContain('Report for 2026-11-24 to 2026-11-30, pull requests as of 2026-08-21');
    expect(md).toContain('- No data for this period: the data ends 2026-08-21, before it starts');
    expect(md).not.toMatch(/0 opened|0 merged|0 closed/);
    // Straddling the end: counted up to the data's end, and said so.
    const straddle = buildReport(data, { since: '2026-08-18', until: '2026-08-24' });
    expect(straddle.covered).toBe('2026-08-21');
    expect(reportMarkdown(straddle)).toContain('- The data ends 2026-08-21: counted up to that day, no data after it');
    const inside = buildReport(data, { since: '2026-08-15', until: '2026-08-21' });
    expect(inside.covered).toBe('2026-08-21');
    expect(straddle.pulls).toEqual(buildReport(data, { since: '2026-08-18', until: '2026-08-21' }).pulls);
    expect(reportMarkdown(inside)).not.toContain('The data ends');
  });
  it('rejects since after until', () => {
    expect(() => buildReport(data, { since: '2024-11-27', until: '2024-11-26' })).toThrow(ReportPeriodError);
  });
  it('links a document to docs.scs.community by its file name without .md', () => {
    expect(docsUrl('Standards/scs-0123-v1-mandatory-and-supported-IaaS-services.md')).toBe(
      'https://docs.scs.community/standards/scs-0123-v1-mandatory-and-supported-IaaS-services',
    );
  });
});

describe('buildReport: whether the data knows which pull requests were open', () => {
  it('from an export it does; from commit messages only it does not, so the page says so instead of "none"', () => {
    const period = { since: '2024-11-07', until: '2024-11-14' };
    expect(buildReport(data, period).proposalsKnown).toBe(true);
    const git = { ...data, meta: { ...data.meta, pullRequestSource: 'git' as const } };
    expect(buildReport(git, period).proposalsKnown).toBe(false);
  });
});
