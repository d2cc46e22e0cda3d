// Deterministic randomness: every generated name, id and metric value derives from the seed,
// so tests can rely on them and two demo runs with the same seed look the same.

/** 32-bit FNV-1a hash of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mulberry32: small, fast, good enough for simulated data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A value in [0, 1) fixed by the seed and the keys (same keys, same value). */
export function noise(seed: number, ...keys: (string | number)[]): number {
  return mulberry32(hashString(`${seed}|${keys.join('|')}`))();
}

/** noise() mapped to [-1, 1). */
export function jitter(seed: number, ...keys: (string | number)[]): number {
  return noise(seed, ...keys) * 2 - 1;
}

export class Rng {
  private readonly next01: () => number;

  constructor(seed: number) {
    this.next01 = mulberry32(seed);
  }

  next(): number {
    return this.next01();
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next01() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next01() * items.length)];
    if (item === undefined) throw new Error('pick from empty list');
    return item;
  }

  /** Lower-case hex string of `length` characters (Flink ids are 32). */
  hex(length = 32): string {
    let s = '';
    while (s.length < length)
      s += Math.floor(this.next01() * 0x10000)
        .toString(16)
        .padStart(4, '0');
    return s.slice(0, length);
  }
}

/** A stable 32-hex id for a name, independent of creation order. */
export function stableHexId(seed: number, name: string): string {
  return new Rng(hashString(`${seed}#${name}`)).hex(32);
}
