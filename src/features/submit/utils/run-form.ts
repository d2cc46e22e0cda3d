/**
 * The "run a jar" form: what the user typed (kept per jar in sessionStorage, so an error or a
 * reload loses nothing), its checks, and the request bodies of POST /jars/:jarid/plan and /run.
 */
import type { JarPlanRequest, JarRunRequest, RestoreMode } from '@/api/flink/client';

export const CLAIM_MODES: readonly RestoreMode[] = ['NO_CLAIM', 'CLAIM', 'LEGACY'];

export interface RunForm {
  entryClass: string;
  /** Program arguments, one per line (an argument may contain spaces). */
  args: string;
  parallelism: string;
  savepointPath: string;
  allowNonRestoredState: boolean;
  /** '' = the cluster's default (NO_CLAIM since Flink 1.15). */
  claimMode: RestoreMode | '';
}

export function emptyForm(defaultEntryClass?: string): RunForm {
  return {
    entryClass: defaultEntryClass ?? '',
    args: '',
    parallelism: '',
    savepointPath: '',
    allowNonRestoredState: false,
    claimMode: '',
  };
}

/** One argument per line; blank lines are dropped, everything else is sent exactly as typed. */
export function parseArgs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '');
}

/**
 * Splits a pasted command line like a POSIX shell would: whitespace separates, single quotes
 * keep everything, double quotes keep spaces and honour \" and \\, a backslash escapes outside.
 *   `--name "my job" --path '/a b'` → ['--name', 'my job', '--path', '/a b']
 */
export function splitCommandLine(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quote === "'") {
      if (ch === "'") quote = null;
      else current += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) current += line[++i];
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      current += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) out.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) out.push(current);
  return out;
}

export interface FormProblem {
  field: keyof RunForm;
  message: string;
}

export function checkForm(form: RunForm): FormProblem[] {
  const problems: FormProblem[] = [];
  const p = form.parallelism.trim();
  if (p !== '' && !/^\d+$/.test(p))
    problems.push({ field: 'parallelism', message: 'Parallelism must be a whole number.' });
  else if (p !== '' && Number(p) < 1)
    problems.push({ field: 'parallelism', message: 'Parallelism must be at least 1.' });
  else if (p !== '' && Number(p) > 32768)
    problems.push({ field: 'parallelism', message: 'Parallelism cannot exceed 32768.' });
  if (
    form.entryClass.trim() !== '' &&
    !/^[\p{L}_$][\p{L}\p{N}_$]*(\.[\p{L}_$][\p{L}\p{N}_$]*)*$/u.test(form.entryClass.trim())
  ) {
    problems.push({ field: 'entryClass', message: 'Not a Java class name (e.g. com.example.MyJob).' });
  }
  if (form.savepointPath.trim() === '' && (form.allowNonRestoredState || form.claimMode !== '')) {
    problems.push({
      field: 'savepointPath',
      message: 'Restore options need a savepoint or checkpoint path.',
    });
  }
  return problems;
}

const trimmed = (s: string) => (s.trim() === '' ? undefined : s.trim());

export function toPlanRequest(form: RunForm): JarPlanRequest {
  const args = parseArgs(form.args);
  const p = form.parallelism.trim();
  return {
    entryClass: trimmed(form.entryClass),
    programArgsList: args.length ? args : undefined,
    parallelism: p === '' ? undefined : Number(p),
  };
}

/**
 * Flink 2.x names the restore mode `claimMode`, 1.x `restoreMode`: the field follows the
 * cluster's version (`/config` flink-version).
 */
export function toRunRequest(form: RunForm, flinkVersion: string | undefined): JarRunRequest {
  const body: JarRunRequest = { ...toPlanRequest(form) };
  const savepointPath = trimmed(form.savepointPath);
  if (savepointPath) {
    body.savepointPath = savepointPath;
    if (form.allowNonRestoredState) body.allowNonRestoredState = true;
    if (form.claimMode) {
      if (/^1\./.test(flinkVersion ?? '')) body.restoreMode = form.claimMode;
      else body.claimMode = form.claimMode;
    }
  }
  return body;
}

/** Drops undefined fields, so a request body reads as what is sent. */
export function compactBody<T extends object>(body: T): Partial<T> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const FORM_KEY = (clusterId: string, jarId: string) => `streamdash.submit-form:${clusterId}:${jarId}`;

export function loadForm(
  storage: Storage | undefined,
  clusterId: string,
  jarId: string,
): RunForm | undefined {
  try {
    const raw = storage?.getItem(FORM_KEY(clusterId, jarId));
    if (!raw) return undefined;
    const v = JSON.parse(raw) as Partial<RunForm>;
    const base = emptyForm();
    return {
      entryClass: typeof v.entryClass === 'string' ? v.entryClass : base.entryClass,
      args: typeof v.args === 'string' ? v.args : base.args,
      parallelism: typeof v.parallelism === 'string' ? v.parallelism : base.parallelism,
      savepointPath: typeof v.savepointPath === 'string' ? v.savepointPath : base.savepointPath,
      allowNonRestoredState: v.allowNonRestoredState === true,
      claimMode: CLAIM_MODES.includes(v.claimMode as RestoreMode) ? (v.claimMode as RestoreMode) : '',
    };
  } catch {
    return undefined;
  }
}

export function saveForm(storage: Storage | undefined, clusterId: string, jarId: string, form: RunForm) {
  try {
    storage?.setItem(FORM_KEY(clusterId, jarId), JSON.stringify(form));
  } catch {
    /* storage full or blocked: the form lives as long as the page */
  }
}

export function forgetForm(storage: Storage | undefined, clusterId: string, jarId: string) {
  try {
    storage?.removeItem(FORM_KEY(clusterId, jarId));
  } catch {
    /* nothing to forget */
  }
}
