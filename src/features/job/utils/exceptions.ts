import type { ExceptionInfo } from '@/api/flink/schemas';

/**
 * Reading Flink's exception entries. `exceptionName` is the class name and the stack trace's
 * first line is `<class>: <message>`; the real reason is often the last `Caused by:` line
 * (e.g. "Recovery is suppressed by NoRestartBackoffTimeStrategy" caused by the user's error).
 */

/**
 * Class and message of an entry. Real Flink sends the class name in `exceptionName` and the
 * message in the stack trace's first line; some senders put both into `exceptionName`.
 */
export function exceptionHeadline(e: Pick<ExceptionInfo, 'exceptionName' | 'stacktrace'>): Cause {
  const name = e.exceptionName.trim();
  const first = firstLine(e.stacktrace);
  if (first.startsWith(`${name}: `)) return { className: name, message: first.slice(name.length + 2) };
  if (first === name || name.includes(': ')) return splitClassAndMessage(name);
  return { className: name, message: first && !first.startsWith('at ') ? first : '' };
}

export interface Cause {
  className: string;
  message: string;
}

/** The innermost `Caused by:` of a stack trace, or undefined when there is none. */
export function deepestCause(stacktrace: string): Cause | undefined {
  let last: string | undefined;
  for (const line of stacktrace.split('\n')) {
    const t = line.trim();
    if (t.startsWith('Caused by: ')) last = t.slice('Caused by: '.length);
  }
  return last === undefined ? undefined : splitClassAndMessage(last);
}

export function splitClassAndMessage(text: string): Cause {
  const i = text.indexOf(': ');
  return i > 0
    ? { className: text.slice(0, i), message: text.slice(i + 2) }
    : { className: text, message: '' };
}

/** Where the failing task ran: `endpoint` (Flink 2.x) or `location` (1.x). */
export function exceptionLocation(e: Pick<ExceptionInfo, 'endpoint' | 'location'>): string | undefined {
  return e.endpoint ?? e.location ?? undefined;
}

export type TraceLineKind = 'header' | 'cause' | 'user' | 'framework' | 'more';

export interface TraceLine {
  text: string;
  kind: TraceLineKind;
}

const FRAMEWORK =
  /^at (java\.|javax\.|jdk\.|sun\.|scala\.|kotlin\.|org\.apache\.flink\.|org\.apache\.pekko\.|akka\.|org\.apache\.flink\.shaded\.|io\.netty\.|com\.sun\.)/;

/** Stack trace lines with a kind, so the reader's eye lands on exceptions and user code. */
export function classifyTrace(stacktrace: string): TraceLine[] {
  const lines = stacktrace.replace(/\s+$/, '').split('\n');
  return lines.map((raw, i) => {
    const t = raw.trim();
    let kind: TraceLineKind;
    if (i === 0) kind = 'header';
    else if (t.startsWith('Caused by:') || t.startsWith('Suppressed:')) kind = 'cause';
    else if (/^\.\.\. \d+ more$/.test(t)) kind = 'more';
    else if (t.startsWith('at ')) kind = FRAMEWORK.test(t) ? 'framework' : 'user';
    else kind = 'header';
    return { text: raw.replace(/\t/g, '    '), kind };
  });
}

/** Runs of framework frames become one "… n Flink/JDK frames" line. */
export function foldFramework(lines: TraceLine[]): TraceLine[] {
  const out: TraceLine[] = [];
  let run = 0;
  const flush = () => {
    if (run > 0) out.push({ text: `    … ${run} Flink/JDK ${run === 1 ? 'frame' : 'frames'}`, kind: 'more' });
    run = 0;
  };
  for (const l of lines) {
    if (l.kind === 'framework') run++;
    else {
      flush();
      out.push(l);
    }
  }
  flush();
  return out;
}

export function firstLine(text: string): string {
  const i = text.indexOf('\n');
  return (i < 0 ? text : text.slice(0, i)).trim();
}

/** Failure labels as `key: value` pairs, sorted by key. */
export function labelEntries(labels: Record<string, string> | undefined): [string, string][] {
  return Object.entries(labels ?? {}).sort(([a], [b]) => a.localeCompare(b));
}

/** How many entries to ask for first, and how many more each "load more" adds. */
export const EXCEPTIONS_PAGE = 20;
