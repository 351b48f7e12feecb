/**
 * Front matter of a standard document (`Standards/scs-NNNN-vN-slug.md`, scs-0001-v1).
 * Upstream writes it by hand, so values are normalised here: status and type in any case,
 * `replaces` as a string or a list, inline `# comments` (already removed by the YAML parser).
 */
import { z } from 'zod';
import { Day } from '../days/day.ts';

/** scs-0001-v1 "Document types". */
export const DocumentType = z.enum(['Standard', 'Procedural', 'Decision Record', 'Supplement']);
export type DocumentType = z.output<typeof DocumentType>;

/** scs-0001-v1 "Document lifecycle". */
export const DocumentStatus = z.enum(['Draft', 'Stable', 'Deprecated', 'Rejected']);
export type DocumentStatus = z.output<typeof DocumentStatus>;

function caseInsensitive<T extends string>(values: readonly T[], aliases: Record<string, T> = {}) {
  return z.string().transform((raw, ctx): T => {
    const key = raw.trim().toLowerCase();
    const found = values.find((v) => v.toLowerCase() === key) ?? aliases[key];
    if (found === undefined) {
      ctx.addIssue({ code: 'custom', input: raw, message: `expected one of ${values.join(', ')}` });
      return z.NEVER;
    }
    return found;
  });
}

/** A list of document file names; upstream writes one name as a plain string too. */
const FileList = z
  .union([z.string(), z.array(z.string()), z.null()])
  .transform((v) => (v === null ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean));

/** Dates are often written unquoted; the YAML core schema keeps them as strings. */
const OptionalDay = Day.nullable().optional();

export const FrontMatter = z
  .object({
    title: z.union([z.string(), z.number()]).transform(String).optional(),
    type: caseInsensitive(DocumentType.options),
    // "Proposal" is the name early revisions of scs-0001-v1 gave to a draft under review.
    status: caseInsensitive(DocumentStatus.options, { proposal: 'Draft' }).optional(),
    track: z.string().trim().min(1).optional(),
    stabilized_at: OptionalDay,
    deprecated_at: OptionalDay,
    // `obsoleted_at` is the pre-2024 name of `deprecated_at`.
    obsoleted_at: OptionalDay,
    rejected_at: OptionalDay,
    replaces: FileList.optional(),
    replaced_by: FileList.optional(),
    supplements: FileList.optional(),
    // `enhances` is the early name of `supplements`.
    enhances: FileList.optional(),
    description: z.string().optional(),
  })
  .loose()
  .superRefine((fm, ctx) => {
    // scs-0001-v1: every document but a supplement has a status.
    if (fm.status === undefined && fm.type !== 'Supplement') {
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        input: undefined,
        message: 'expected a status (Draft, Stable, Deprecated, Rejected)',
      });
    }
  });
export type FrontMatter = z.output<typeof FrontMatter>;

/** A status in any case, `Proposal` read as Draft (see FrontMatter). */
const LooseStatus = caseInsensitive(DocumentStatus.options, { proposal: 'Draft' });

/**
 * The lifecycle fields of a past version of a document, read leniently. Documents older
 * than scs-0001-v1's current front matter wrote `state:` for `status:`, left `type` out or
 * kept the template's `_Standard | Decision Record_`; the history still needs the day such
 * a version landed, so each field that does not fit is read as absent instead of failing.
 */
export const PastLifecycle = z.object({
  status: LooseStatus.nullable().optional().catch(null),
  state: LooseStatus.nullable().optional().catch(null),
  stabilized_at: OptionalDay.catch(null),
  deprecated_at: OptionalDay.catch(null),
  obsoleted_at: OptionalDay.catch(null),
  rejected_at: OptionalDay.catch(null),
});
