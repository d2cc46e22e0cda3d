/**
 * Whether a Flink version string (`/config` flink-version: `2.3.0`, `1.20.5`, `2.3-SNAPSHOT`) is at
 * least `major.minor`. An unparsable version is treated as new: the cluster's answer then decides.
 */
export function flinkVersionAtLeast(version: string, major: number, minor: number): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version);
  if (!m) return true;
  const [vMajor, vMinor] = [Number(m[1]), Number(m[2])];
  return vMajor > major || (vMajor === major && vMinor >= minor);
}
