/*
 * What an engine version can do, for features that came later than the REST API itself.
 * Versions look like "2.3.8" or "2.3.10-SNAPSHOT".
 */

export function parseVersion(text: string | null | undefined): number[] | null {
  const m = text ? /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim()) : null;
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : null;
}

export function atLeast(version: string | null | undefined, wanted: string): boolean | null {
  const v = parseVersion(version);
  const w = parseVersion(wanted);
  if (!v || !w) return null;
  for (let i = 0; i < 3; i++) {
    const a = v[i] ?? 0;
    const b = w[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

/** `/logs`, `/logs/:jobId` and `/log` arrived with 2.3.9 (REST v2 era); 2.3.8's v1 has none. */
export const LOGS_SINCE = '2.3.9';
/** `/submit-job?format=hocon` (REST v2) arrived with 2.3.9. */
export const HOCON_SINCE = '2.3.9';

/** true / false when the version is known, null when it is not. */
export function hasLogEndpoints(version: string | null | undefined): boolean | null {
  return atLeast(version, LOGS_SINCE);
}

export function acceptsHocon(flavour: 'v1' | 'v2' | undefined, version: string | null | undefined): boolean {
  return flavour === 'v2' && atLeast(version, HOCON_SINCE) === true;
}
