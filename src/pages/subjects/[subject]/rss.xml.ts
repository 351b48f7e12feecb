import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { subjectRss } from '../../../domain/feeds/subject-feeds.ts';
import type { SubjectsFile } from '../../../domain/subjects/schema.ts';
import type { SubjectStanding } from '../../../domain/subjects/subjects.ts';
import { feedContext, subjectRssInfo } from '../../../site/feeds.ts';
import { subjectPaths } from '../../../site/subjects.ts';

export const getStaticPaths = subjectPaths;

export const GET: APIRoute<{ standing: SubjectStanding; file: SubjectsFile }> = async ({ site, props }) => {
  const { ctx, events } = await feedContext(site);
  return rss(subjectRss(ctx, events, props.file, props.standing, subjectRssInfo(props.standing.subject)));
};
