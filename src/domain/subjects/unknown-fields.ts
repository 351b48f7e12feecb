/**
 * Keys of a parsed answer that its zod schema does not describe. zod strips them; the sync
 * names them in a warning so that a new field of an upstream format is said out loud.
 */
import { z } from 'zod';
import { keyPath } from '../parse/errors.ts';

export function unknownFields(schema: z.ZodType, value: unknown, path: (string | number)[] = []): string[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    return value === undefined || value === null ? [] : unknownFields(schema.unwrap() as z.ZodType, value, path);
  }
  if (value === null || typeof value !== 'object') return [];
  if (schema instanceof z.ZodArray && Array.isArray(value)) {
    return value.flatMap((item, i) => unknownFields(schema.element as z.ZodType, item, [...path, i]));
  }
  if (schema instanceof z.ZodRecord) {
    return Object.entries(value).flatMap(([k, v]) => unknownFields(schema.valueType as z.ZodType, v, [...path, k]));
  }
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    return Object.entries(value).flatMap(([k, v]) =>
      Object.hasOwn(shape, k) ? unknownFields(shape[k]!, v, [...path, k]) : [keyPath([...path, k])],
    );
  }
  return [];
}
