/**
 * Reads the Flink REST API reference (/work/shared/reference/flink-rest-api-2.2.md, the docs page
 * with the JSON schema of each request/response) and compares real responses against it.
 */
import fs from 'node:fs';

export interface JsonSchema {
  type?: string;
  id?: string;
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  enum?: unknown[];
  required?: boolean;
}

export interface ReferenceEndpoint {
  path: string;
  method: string;
  status: number;
  queryParams: string[];
  request?: JsonSchema;
  response?: JsonSchema;
}

export const REFERENCE_MD = '/work/shared/reference/flink-rest-api-2.2.md';
export const REFERENCE_LIST = '/work/shared/reference/flink-rest-endpoints-list.txt';

function parseSchemaBlock(cell: string, label: 'Request' | 'Response'): JsonSchema | undefined {
  const start = cell.indexOf(`${label}<br>\`\`\`<br>`);
  if (start < 0) return undefined;
  const from = start + `${label}<br>\`\`\`<br>`.length;
  const end = cell.indexOf('<br>```', from);
  if (end < 0) return undefined;
  const text = cell.slice(from, end).replace(/<br>/g, '\n');
  try {
    return JSON.parse(text) as JsonSchema;
  } catch {
    return JSON.parse(text.replace(/\\([_[\]*#])/g, '$1')) as JsonSchema;
  }
}

/** All endpoints of the reference page with their schemas. */
export function parseReference(file = REFERENCE_MD): ReferenceEndpoint[] {
  const md = fs.readFileSync(file, 'utf8');
  const blocks = md.split(/\n(?=\|\s+\|\s+\|\n\|\s*---)/);
  const out: ReferenceEndpoint[] = [];
  for (const b of blocks) {
    const head = /#####\s+\*\*([^*]+)\*\*/.exec(b);
    const verb = /Verb: `([A-Z]+)` \| Response code: `(\d+)/.exec(b);
    if (!head || !verb) continue;
    const qp = /\| Query parameters \|\n\|([^\n]*)\|/.exec(b);
    const queryParams = qp ? [...(qp[1] ?? '').matchAll(/- `([^`]+)`/g)].map((m) => m[1] ?? '') : [];
    out.push({
      path: head[1]!.trim(),
      method: verb[1]!,
      status: Number(verb[2]),
      queryParams,
      request: parseSchemaBlock(b, 'Request'),
      response: parseSchemaBlock(b, 'Response'),
    });
  }
  return out;
}

/** Endpoints of the flat list (path, verb, status). */
export function parseEndpointList(
  file = REFERENCE_LIST,
): { path: string; method: string; status: number; queryParams: string[] }[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const out: { path: string; method: string; status: number; queryParams: string[] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const p = lines[i] ?? '';
    const m = /^Verb: ([A-Z]+) Response code: (\d+)/.exec(lines[i + 1] ?? '');
    if (p.startsWith('/') && m) {
      const qp: string[] = [];
      for (let j = i + 2; j < lines.length && !(lines[j] ?? '').startsWith('/'); j++) {
        const q = /^\s+•\s+([\w-]+) \((optional|mandatory)\)/.exec(lines[j] ?? '');
        if (q) qp.push(q[1]!);
      }
      out.push({ path: p.trim(), method: m[1]!, status: Number(m[2]), queryParams: qp });
    }
  }
  return out;
}

export interface SchemaDiff {
  /** JSON path, arrays as [*] */
  path: string;
  kind: 'missing' | 'extra' | 'type' | 'enum' | 'null';
  expected?: string;
  actual?: string;
}

function collectIds(schema: JsonSchema | undefined, ids: Map<string, JsonSchema>) {
  if (!schema || typeof schema !== 'object') return;
  if (schema.id) ids.set(schema.id, schema);
  for (const p of Object.values(schema.properties ?? {})) collectIds(p, ids);
  collectIds(schema.items, ids);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    collectIds(schema.additionalProperties, ids);
  }
}

function jsType(v: unknown): string {
  if (v === null) return 'null';
  // integers beyond 2^53 are kept as marker strings by the recorder's parser
  if (typeof v === 'string' && v.startsWith('__streamdash_bigint__')) return 'integer';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Differences between a real JSON value and the reference schema (deduplicated by path). */
export function compareToSchema(value: unknown, schema: JsonSchema): SchemaDiff[] {
  const ids = new Map<string, JsonSchema>();
  collectIds(schema, ids);
  const diffs = new Map<string, SchemaDiff>();
  const add = (d: SchemaDiff) => {
    const key = `${d.kind}:${d.path}`;
    if (!diffs.has(key)) diffs.set(key, d);
  };
  // fields missing in *every* element of an array are reported once; a field missing in only some
  // elements is reported too (it is optional in practice)
  const walk = (v: unknown, s: JsonSchema | undefined, p: string, depth: number) => {
    if (!s || depth > 40) return;
    if (s.$ref) {
      const r = ids.get(s.$ref);
      if (!r) return;
      s = { ...r, ...s, $ref: undefined };
    }
    const t = s.type;
    if (!t || t === 'any') return;
    const actual = jsType(v);
    if (v === null || v === undefined) {
      add({ path: p, kind: 'null', expected: t, actual: String(v) });
      return;
    }
    if (t === 'object') {
      if (actual !== 'object') {
        add({ path: p, kind: 'type', expected: 'object', actual });
        return;
      }
      const obj = v as Record<string, unknown>;
      const props = s.properties ?? {};
      for (const [k, ps] of Object.entries(props)) {
        if (!(k in obj)) add({ path: `${p}.${k}`, kind: 'missing', expected: ps.type ?? ps.$ref ?? '?' });
        else walk(obj[k], ps, `${p}.${k}`, depth + 1);
      }
      for (const k of Object.keys(obj)) {
        if (k in props) continue;
        if (s.additionalProperties && typeof s.additionalProperties === 'object') {
          walk(obj[k], s.additionalProperties, `${p}.*`, depth + 1);
        } else if (s.additionalProperties !== true && s.properties) {
          add({ path: `${p}.${k}`, kind: 'extra', actual: jsType(obj[k]) });
        }
      }
      return;
    }
    if (t === 'array') {
      if (actual !== 'array') {
        add({ path: p, kind: 'type', expected: 'array', actual });
        return;
      }
      for (const item of v as unknown[]) walk(item, s.items, `${p}[*]`, depth + 1);
      return;
    }
    const ok =
      t === actual || (t === 'number' && actual === 'integer') || (t === 'integer' && actual === 'integer');
    if (!ok) add({ path: p, kind: 'type', expected: t, actual });
    else if (s.enum && !s.enum.includes(v))
      add({ path: p, kind: 'enum', expected: s.enum.join('|'), actual: String(v) });
  };
  walk(value, schema, '$', 0);
  return [...diffs.values()];
}
