// Seeded randomness so a given seed always yields the same demo cluster.

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Hazelcast flake-id layout: 41-bit ms since 2018-01-01, 6-bit sequence, 16-bit member. */
const FLAKE_EPOCH = Date.UTC(2018, 0, 1);

export function flakeId(timeMs: number, sequence: number, member: number): string {
  const ts = BigInt(Math.max(0, Math.floor(timeMs - FLAKE_EPOCH)));
  return ((ts << 22n) | (BigInt(sequence & 0x3f) << 16n) | BigInt(member & 0xffff)).toString();
}
