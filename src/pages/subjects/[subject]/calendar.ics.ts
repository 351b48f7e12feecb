import type { APIRoute } from 'astro';
import { calendarIcs } from '../../../domain/feeds/ical.ts';
import { reliedOnEvents, retestEntries } from '../../../domain/feeds/subject-feeds.ts';
import type { SubjectsFile } from '../../../domain/subjects/schema.ts';
import type { SubjectStanding } from '../../../domain/subjects/subjects.ts';
import { feedContext, ICS_HEADERS, subjectCalendarInfo } from '../../../site/feeds.ts';
import { subjectPaths } from '../../../site/subjects.ts';

export const getStaticPaths = subjectPaths;

export const GET: APIRoute<{ standing: SubjectStanding; file: SubjectsFile }> = async ({ site, props }) => {
  const { ctx, events } = await feedContext(site);
  const { standing, file } = props;
  return new Response(
    calendarIcs(
      ctx,
      reliedOnEvents(events, standing),
      subjectCalendarInfo(standing.subject),
      retestEntries(ctx, file, standing),
    ),
    { headers: ICS_HEADERS },
  );
};
