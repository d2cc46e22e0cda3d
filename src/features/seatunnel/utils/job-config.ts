import { parseJsonLossless } from '@/lib/lossless-json';
import type { BatchSubmitInput } from '@/api/seatunnel/client';
import { checkJson, type JsonProblem } from './json-check';

/*
 * What the submit page checks before anything is sent: the JSON itself (with the line and column
 * of a mistake), the shape the engine needs (env, source and sink lists of plugins with a
 * plugin_name), and job ids that must be 64-bit integers.
 */

export const MAX_JOB_ID = 9223372036854775807n;

/** null when fine (or empty: the engine then picks an id), else why not. */
export function jobIdProblem(text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d+$/.test(t)) return 'A job id is a positive whole number (digits only).';
  if (/^0/.test(t)) return t === '0' ? 'A job id must be greater than 0.' : 'A job id has no leading zeros.';
  if (BigInt(t) > MAX_JOB_ID) return `A job id is a 64-bit integer: at most ${MAX_JOB_ID.toString()}.`;
  return null;
}

export type ConfigIssue = { path: string; message: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The engine's own checks, done early: a list of problems (empty when the config looks runnable). */
export function configProblems(value: unknown, at = ''): ConfigIssue[] {
  const path = (p: string) => (at ? `${at}.${p}` : p);
  if (!isObject(value)) {
    return [
      {
        path: at || '(config)',
        message: 'A job config is a JSON object with env, source, transform and sink.',
      },
    ];
  }
  const issues: ConfigIssue[] = [];
  const env = value.env;
  if (env === undefined)
    issues.push({ path: path('env'), message: 'env is missing (the engine needs it, even empty).' });
  else if (!isObject(env)) issues.push({ path: path('env'), message: 'env must be an object.' });
  else {
    const mode = env['job.mode'];
    if (mode !== undefined && !(typeof mode === 'string' && /^(batch|streaming)$/i.test(mode)))
      issues.push({ path: path('env.job.mode'), message: 'job.mode is BATCH or STREAMING.' });
  }
  for (const key of ['source', 'transform', 'sink'] as const) {
    const list = value[key];
    if (list === undefined) {
      if (key !== 'transform')
        issues.push({ path: path(key), message: `${key} is missing: a job needs at least one.` });
      continue;
    }
    if (!Array.isArray(list)) {
      issues.push({ path: path(key), message: `${key} must be a list of plugins ([ {...} ]).` });
      continue;
    }
    if (key !== 'transform' && list.length === 0)
      issues.push({ path: path(key), message: `${key} is empty: a job needs at least one.` });
    list.forEach((plugin, i) => {
      if (!isObject(plugin)) issues.push({ path: path(`${key}[${i}]`), message: 'A plugin is an object.' });
      else if (typeof plugin.plugin_name !== 'string' || plugin.plugin_name.trim() === '')
        issues.push({ path: path(`${key}[${i}]`), message: 'plugin_name is missing.' });
    });
  }
  return issues;
}

export type Checked<T> =
  { ok: true; value: T; issues: [] } | { ok: false; syntax: JsonProblem | null; issues: ConfigIssue[] };

/** One job's JSON config: syntax, then shape. */
export function checkConfigText(text: string): Checked<Record<string, unknown>> {
  const syntax = checkJson(text);
  if (syntax) return { ok: false, syntax, issues: [] };
  const value = parseJsonLossless(text);
  const issues = configProblems(value);
  return issues.length
    ? { ok: false, syntax: null, issues }
    : { ok: true, value: value as Record<string, unknown>, issues: [] };
}

/**
 * A batch: a JSON list of configs; each may carry `params` {jobId, jobName, isStartWithSavePoint}
 * as the engine's /submit-jobs reads them. Ids are kept as exact digit strings.
 */
export function checkBatchText(text: string): Checked<BatchSubmitInput[]> {
  const syntax = checkJson(text);
  if (syntax) return { ok: false, syntax, issues: [] };
  const value = parseJsonLossless(text);
  if (!Array.isArray(value)) {
    return {
      ok: false,
      syntax: null,
      issues: [{ path: '(batch)', message: 'A batch is a JSON list of job configs: [ {...}, {...} ].' }],
    };
  }
  if (value.length === 0)
    return { ok: false, syntax: null, issues: [{ path: '(batch)', message: 'The list is empty.' }] };
  const issues: ConfigIssue[] = [];
  const inputs: BatchSubmitInput[] = [];
  const ids = new Set<string>();
  value.forEach((item, i) => {
    const at = `[${i}]`;
    if (!isObject(item)) {
      issues.push({ path: at, message: 'A job config is a JSON object.' });
      return;
    }
    const { params, ...config } = item;
    issues.push(...configProblems(config, at));
    const input: BatchSubmitInput = { config };
    if (params !== undefined) {
      if (!isObject(params)) issues.push({ path: `${at}.params`, message: 'params is an object.' });
      else {
        const id = params.jobId;
        if (id !== undefined && id !== null && id !== '') {
          const digits = typeof id === 'number' ? String(id) : typeof id === 'string' ? id : '';
          const problem = digits === '' ? 'A job id is a positive whole number.' : jobIdProblem(digits);
          if (problem) issues.push({ path: `${at}.params.jobId`, message: problem });
          else if (ids.has(digits))
            issues.push({ path: `${at}.params.jobId`, message: `Job id ${digits} is used twice.` });
          else {
            ids.add(digits);
            input.jobId = digits;
          }
        }
        if (typeof params.jobName === 'string' && params.jobName !== '') input.jobName = params.jobName;
        const sp = params.isStartWithSavePoint;
        if (sp === true || sp === 'true') {
          if (input.jobId === undefined)
            issues.push({ path: `${at}.params`, message: 'Starting from a savepoint needs the job id.' });
          input.startWithSavepoint = true;
        }
      }
    }
    inputs.push(input);
  });
  return issues.length ? { ok: false, syntax: null, issues } : { ok: true, value: inputs, issues: [] };
}

/** Quick look at HOCON text before sending it as is: braces balanced, env/source/sink present. */
export function hoconProblems(text: string): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (text.trim() === '') return [{ path: '(config)', message: 'The config is empty.' }];
  let depth = 0;
  let quote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === '"') quote = false;
      continue;
    }
    if (c === '"') quote = true;
    else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    if (depth < 0) {
      issues.push({
        path: '(config)',
        message: `A “${c ?? ''}” closes nothing (line ${text.slice(0, i).split('\n').length}).`,
      });
      return issues;
    }
  }
  if (quote) issues.push({ path: '(config)', message: 'A string is missing its closing quote.' });
  if (depth > 0) issues.push({ path: '(config)', message: `${depth} bracket(s) are not closed.` });
  for (const key of ['env', 'source', 'sink']) {
    if (!new RegExp(`(^|\\n)\\s*"?${key}"?\\s*[{=:]`).test(text))
      issues.push({ path: key, message: `No ${key} block found.` });
  }
  return issues;
}
