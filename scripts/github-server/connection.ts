/** GraphQL connections as GitHub pages them: `first` (1…100), `after` an opaque cursor. */

function cursorOf(offset: number): string {
  return Buffer.from(`cursor:${offset}`).toString('base64');
}

function offsetOf(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const m = /^cursor:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!m) throw new Error(`Argument 'after' has an invalid value (${JSON.stringify(cursor)}).`);
  return Number(m[1]);
}

export function page<T>(items: readonly T[], args: { first?: number | null; after?: string | null }) {
  const first = args.first ?? 100;
  if (first < 1 || first > 100)
    throw new Error(`Requesting ${first} records on the connection exceeds the \`first\` limit of 100 records.`);
  const start = offsetOf(args.after);
  const nodes = items.slice(start, start + first);
  return {
    nodes,
    totalCount: items.length,
    pageInfo: {
      hasNextPage: start + first < items.length,
      hasPreviousPage: start > 0,
      startCursor: nodes.length ? cursorOf(start) : null,
      endCursor: nodes.length ? cursorOf(start + nodes.length) : null,
    },
  };
}
