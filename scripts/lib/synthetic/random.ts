/** The seeded randomness of the synthetic upstream: a small generator, commit times, ids, words and authors. */
import type { Day } from '../../../src/domain/days/day.ts';

export const WORDS = [
  'flavor',
  'image',
  'metadata',
  'entropy',
  'network',
  'storage',
  'cluster',
  'upgrade',
  'policy',
  'identity',
  'audit',
  'backup',
  'quota',
  'region',
  'domain',
  'node',
  'volume',
  'secret',
  'load',
  'balancer',
];
export const AUTHORS = [
  'mbuechse',
  'garloff',
  'fkr',
  'cah-hbaum',
  'josephineSei',
  'anjastrunk',
  'markus-hentsch',
  'tonifinger',
];

/** mulberry32: a small seeded generator, enough for reproducible test data. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

/** A commit time on a day: office hours, in CET/CEST or UTC, as upstream's committers. */
export function timestamp(day: Day, r: Rng): string {
  const month = Number(day.slice(5, 7));
  const offset = r.chance(0.15) ? '+00:00' : month >= 4 && month <= 10 ? '+02:00' : '+01:00';
  return `${day}T${String(r.int(8, 19)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}${offset}`;
}

export function hex(r: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[r.int(0, 15)];
  return s;
}

export function uuid(r: Rng): string {
  return `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-a${hex(r, 3)}-${hex(r, 12)}`;
}

export function phrase(r: Rng, n: number): string {
  return Array.from({ length: n }, () => r.pick(WORDS)).join(' ');
}
