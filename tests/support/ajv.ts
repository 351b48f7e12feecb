/** A JSON Schema 2020-12 validator (ajv), strict, with `date` checked as a real calendar day. */
import { Ajv2020 } from 'ajv/dist/2020.js';

export function validator(schema: Record<string, unknown>) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat(
    'date',
    (value: string) =>
      /^\d{4}-\d{2}-\d{2}$/.test(value) &&
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
  );
  return ajv.compile(schema);
}
