import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../http';
import { errorBodySchema, responseSchemas } from './endpoint-schemas';

/*
 * Every recorded answer of each real Flink version (e2e/fixtures/flink/<minor>: 1.20, 2.2, 2.3)
 * must validate against the schema of its endpoint. A fixture whose endpoint has no schema fails,
 * so no endpoint is forgotten.
 */
const ROOT = join(process.cwd(), 'e2e/fixtures/flink');
const VERSIONS = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory() && /^\d+\.\d+$/.test(d.name))
  .map((d) => d.name);

interface IndexEntry {
  file: string;
  method: string;
  template: string;
  status: number;
}

function readIndex(DIR: string): Map<string, IndexEntry> {
  const index = JSON.parse(readFileSync(join(DIR, '_index.json'), 'utf8')) as {
    fixtures?: IndexEntry[];
    mutations?: IndexEntry[];
  };
  return new Map([...(index.fixtures ?? []), ...(index.mutations ?? [])].map((e) => [e.file, e]));
}

function listFixtures(DIR: string, dir = DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFixtures(DIR, join(dir, d.name)) : [relative(DIR, join(dir, d.name))],
  );
}

/** Fallback for files missing from the index: `jobs__jobid__plan--x.json` → GET /jobs/:jobid/plan. */
const PARAMS = new Set([
  'jobid',
  'vertexid',
  'checkpointid',
  'triggerid',
  'subtaskindex',
  'attempt',
  'taskmanagerid',
]);
function entryFromName(file: string): IndexEntry {
  const base = file
    .replace(/^.*\//, '')
    .replace(/\.(json|txt)$/, '')
    .replace(/--.*$/, '')
    .replace(/^adaptive--/, '');
  const template =
    '/' +
    base
      .split('__')
      .map((seg) => (PARAMS.has(seg) ? `:${seg}` : seg))
      .join('/');
  // An unindexed `…not-found.json` is the 404 body Flink (or its History Server) answered.
  const status = /(^|\/|--)not-found\.json$/.test(file) ? 404 : 200;
  return { file, method: file.startsWith('mutations/') ? '?' : 'GET', template, status };
}

/** Mutation fixtures wrap the exchange as `{request, response: {status, body}}`. */
function bodyOf(DIR: string, file: string): unknown {
  const text = readFileSync(join(DIR, file), 'utf8');
  if (!file.endsWith('.json')) return text; // logs, stdout, profiler HTML
  const json: unknown = JSON.parse(text);
  return file.startsWith('mutations/') ? (json as { response: { body: unknown } }).response.body : json;
}

it('fixtures of Flink 1.20, 2.2 and 2.3 were recorded', () => {
  expect(VERSIONS).toEqual(expect.arrayContaining(['1.20', '2.2', '2.3']));
});

describe.each(VERSIONS)('real Flink %s fixtures', (version) => {
  const DIR = join(ROOT, version);
  const index = readIndex(DIR);
  // `_…` files are notes about a recording (an index, a listing), not answers.
  const files = listFixtures(DIR).filter((f) => !/(^|\/)_/.test(f));

  it('were recorded (the folder is not empty)', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s validates against its endpoint schema', (file) => {
    const entry = index.get(file) ?? entryFromName(file);
    const endpoint = `${entry.method} ${entry.template}`;
    const ok = entry.status >= 200 && entry.status < 300;
    const schema = ok ? responseSchemas[endpoint] : errorBodySchema;
    expect(schema, `no schema mapped for ${endpoint} (fixture ${file})`).toBeDefined();
    if (!schema) return;
    expect(() => validate(endpoint, schema, bodyOf(DIR, file))).not.toThrow();
  });
});
