import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';

/**
 * The audit trail: one JSON line per mutating request, written BEFORE it is forwarded (so no
 * action goes unrecorded), then a line with the cluster's answer and, for savepoints and the like,
 * one with the operation's result. Rotates by size into `<file>.1` … `<file>.<files>`.
 */
export interface AuditRequest {
  id: string;
  time: string;
  /** null: nobody was signed in (or the credentials were not good). */
  user: string | null;
  /** The role the decision applied; absent on refusals decided before any role mattered (Host, cross-site, sign-in). */
  role?: string | undefined;
  client: string;
  cluster: string | null;
  method: string;
  path: string;
  action?: string | undefined;
  jobId?: string | undefined;
  body?: unknown;
  /** Why the dashboard refused it; absent when forwarded. */
  refused?: string | undefined;
  status?: number | undefined;
}

export interface AuditResponse {
  status: number;
  durationMs: number;
  triggerId?: string | undefined;
}

export interface AuditResult {
  state: 'COMPLETED' | 'FAILED';
  time: string;
  location?: string | undefined;
  failure?: string | undefined;
}

export interface AuditEntry extends AuditRequest {
  response?: AuditResponse;
  result?: AuditResult;
}

export interface AuditFilter {
  cluster?: string | undefined;
  job?: string | undefined;
  user?: string | undefined;
  limit: number;
}

type Line =
  | ({ type: 'request' } & AuditRequest)
  | ({ type: 'response'; id: string } & AuditResponse)
  | ({ type: 'result'; id: string } & AuditResult);

export class AuditLog {
  constructor(
    readonly file: string,
    private readonly maxBytes: number,
    private readonly files: number,
  ) {}

  newId(): string {
    return randomUUID();
  }

  /** Appends one line; throws when it cannot be written (the caller then refuses the action). */
  private append(line: Line) {
    const text = `${JSON.stringify(line)}\n`;
    mkdirSync(dirname(this.file), { recursive: true });
    const size = existsSync(this.file) ? statSync(this.file).size : 0;
    if (size > 0 && size + text.length > this.maxBytes) this.rotate();
    appendFileSync(this.file, text, { mode: 0o600 });
  }

  private rotate() {
    for (let i = this.files - 1; i >= 1; i--) {
      if (existsSync(`${this.file}.${i}`)) renameSync(`${this.file}.${i}`, `${this.file}.${i + 1}`);
    }
    renameSync(this.file, `${this.file}.1`);
  }

  request(entry: AuditRequest) {
    this.append({ type: 'request', ...entry });
  }

  response(id: string, response: AuditResponse) {
    this.append({ type: 'response', id, ...response });
  }

  result(id: string, result: AuditResult) {
    this.append({ type: 'result', id, ...result });
  }

  /** Entries matching the filter, newest first, with their answers and results joined in. */
  query(filter: AuditFilter): AuditEntry[] {
    const responses = new Map<string, AuditResponse>();
    const results = new Map<string, AuditResult>();
    const out: AuditEntry[] = [];
    for (let i = 0; i <= this.files && out.length < filter.limit; i++) {
      const path = i === 0 ? this.file : `${this.file}.${i}`;
      if (!existsSync(path)) continue;
      const lines = readFileSync(path, 'utf8').split('\n').reverse();
      for (const text of lines) {
        if (!text) continue;
        let line: Line;
        try {
          line = JSON.parse(text) as Line;
        } catch {
          continue; // a line cut short by a crash
        }
        if (line.type === 'response') {
          const { type: _t, id, ...rest } = line;
          responses.set(id, rest);
        } else if (line.type === 'result') {
          const { type: _t, id, ...rest } = line;
          results.set(id, rest);
        } else if (line.type === 'request' && out.length < filter.limit) {
          const { type: _t, ...entry } = line;
          if (filter.cluster && entry.cluster !== filter.cluster) continue;
          if (filter.job && entry.jobId !== filter.job) continue;
          if (filter.user && entry.user !== filter.user) continue;
          const response = responses.get(entry.id);
          const result = results.get(entry.id);
          out.push({ ...entry, ...(response ? { response } : {}), ...(result ? { result } : {}) });
        }
      }
    }
    return out;
  }
}

const SECRET_KEY = /pass|secret|token|key|auth|credential|cookie|private/i;

/**
 * What the audit line keeps of a request body: JSON fields with short values, secrets left out;
 * for anything else only its type and size (a HOCON config or a jar may hold credentials).
 */
export function summariseBody(contentType: string, body: Buffer | undefined, size: number): unknown {
  if (size === 0) return undefined;
  if (!body) return { contentType: contentType.split(';')[0], bytes: size };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { contentType: contentType.split(';')[0], bytes: size };
  }
  return summariseValue(parsed, 0);
}

function summariseValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= 2) return Array.isArray(value) ? `[${value.length} items]` : '{…}';
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => summariseValue(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value)
      .slice(0, 30)
      .map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : summariseValue(v, depth + 1)]),
  );
}
