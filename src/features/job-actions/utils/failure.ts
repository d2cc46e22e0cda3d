import type { OperationFailure } from './operation-machine';

export interface FailureDescription {
  /** The exception class Flink reports (or the one the trace starts with). */
  className: string;
  /** The first line of the trace without the class name. */
  message: string | undefined;
  /** The first line of the trace. */
  headline: string | undefined;
  /** The innermost "Caused by:" line, what usually needs fixing. */
  rootCause: string | undefined;
  lineCount: number;
}

/** Splits Flink's serialized failure cause (class + Java stack trace text) into what a person reads first. */
export function describeFailure(f: OperationFailure): FailureDescription {
  const trace = (f.stackTrace ?? '').replace(/\s+$/, '');
  const lines = trace ? trace.split('\n') : [];
  const headline = lines[0]?.trim() || undefined;
  const parsedClass = headline?.match(/^([\w$.]+)(?::|$)/)?.[1];
  const className = f.className ?? parsedClass ?? 'Unknown failure';
  let message: string | undefined;
  if (headline) {
    const prefix = `${className}:`;
    message = headline.startsWith(prefix)
      ? headline.slice(prefix.length).trim() || undefined
      : headline === className
        ? undefined
        : headline;
  }
  const causes = lines
    .filter((l) => l.startsWith('Caused by: '))
    .map((l) => l.slice('Caused by: '.length).trim());
  return { className, message, headline, rootCause: causes.at(-1), lineCount: lines.length };
}
