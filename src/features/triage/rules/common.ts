import type { ClusterInput, Problem, RuleId } from './types';

/** Builds a problem with the cluster fields filled in. */
export function problem(
  input: ClusterInput,
  rule: RuleId,
  subject: string,
  fields: Omit<Problem, 'id' | 'rule' | 'clusterId' | 'clusterName' | 'clusterKind'>,
): Problem {
  return {
    id: `${input.cluster.id}:${rule}:${subject}`,
    rule,
    clusterId: input.cluster.id,
    clusterName: input.cluster.name,
    clusterKind: input.kind,
    ...fields,
  };
}

/** The first non-empty line of a (possibly multi-line) server message, shortened. */
export function firstLine(text: string | null | undefined, max = 240): string {
  const line =
    (text ?? '')
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A Java exception's first line without the usual wrapper prefixes. */
export function exceptionSummary(text: string | null | undefined): string {
  let line = firstLine(text, 400);
  for (;;) {
    const m =
      /^(?:[\w$]+\.)+(?:[\w$]*Exception|[\w$]*Error): ((?:[\w$]+\.)+[\w$]*(?:Exception|Error)(?::.*)?)$/.exec(
        line,
      );
    if (!m?.[1]) break;
    line = m[1];
  }
  // Simple class names read better than fully qualified ones; the evidence view has the rest.
  line = line.replace(/^(?:[a-z_$][\w$]*\.)+([A-Z][\w$]*(?:Exception|Error|Throwable))\b/, '$1');
  return line.length > 240 ? `${line.slice(0, 239)}…` : line;
}

/** Flink's "no value" markers: -1, NaN, missing. */
export function known(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

export function quote(name: string): string {
  return `“${name}”`;
}
