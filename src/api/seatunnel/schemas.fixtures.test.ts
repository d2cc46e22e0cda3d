import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonLossless } from '@/lib/lossless-json';
import { errorMessagesFromBody } from '../errors';
import { validate } from '../http';
import { V1_PREFIX } from './client-v1';
import { errorBodySchema, responseSchemas } from './endpoint-schemas';
import { toJob, toJobDetail, toOverview } from './normalise';

/*
 * Every recorded answer of a real SeaTunnel engine (e2e/fixtures/seatunnel/<version>/<flavour>)
 * must validate against its endpoint's schema. A fixture whose endpoint has no schema fails, and
 * so does a file the folder's _index.json does not describe.
 */
const ROOT = join(process.cwd(), 'e2e/fixtures/seatunnel');

interface Entry {
  name: string;
  method: string;
  path: string;
  status: number;
  contentType?: string;
  file?: string | null;
}
interface Index {
  baseUrl?: string;
  flavour?: string;
  entries: Entry[];
}

/** Hazelcast's own endpoints and Prometheus text, recorded for reference; the dashboard reads none. */
const NOT_SEATUNNEL_API: Record<string, string> = {
  'GET /hazelcast/health': 'Hazelcast member health',
  'GET /hazelcast/rest/log-level': 'Hazelcast log level',
  'GET /hazelcast/rest/instance/metrics': 'Prometheus text, read through /prometheus/<clusterId>',
  'GET /hazelcast/rest/instance/openmetrics': 'Prometheus text, read through /prometheus/<clusterId>',
  'GET /metrics': 'Prometheus text, read through /prometheus/<clusterId>',
  'GET /openmetrics': 'Prometheus text, read through /prometheus/<clusterId>',
};

const PARAM = { jobId: '[^/.]+', state: '[^/]+', logName: '[^/]+\\.log' } as Record<string, string>;
const templates = Object.keys(responseSchemas).map((key) => {
  const [method = '', template = ''] = key.split(' ');
  const pattern = template.replace(/:([a-zA-Z]+)/g, (_, p: string) => PARAM[p] ?? '[^/]+');
  return { key, method, re: new RegExp(`^${pattern}$`) };
});

function folders(): string[] {
  if (!existsSync(ROOT)) return [];
  return readdirSync(ROOT).flatMap((version) =>
    readdirSync(join(ROOT, version)).map((flavour) => join(ROOT, version, flavour)),
  );
}

/** The API prefix to strip: v1's fixed one, or v2's context path from the recorded base URL. */
function prefixOf(index: Index, dir: string): string {
  if (index.flavour === 'v1' || dir.endsWith('v1')) return V1_PREFIX;
  const base = (index.baseUrl ?? '').replace('<port>', '1');
  return base ? new URL(base).pathname.replace(/\/$/, '') : '';
}

function endpointOf(entry: Entry, prefix: string): { key?: string; ignored?: string; label: string } {
  const path = entry.path.split('?')[0] ?? '';
  const label = `${entry.method} ${path}`;
  if (NOT_SEATUNNEL_API[label]) return { ignored: NOT_SEATUNNEL_API[label], label };
  if (!path.startsWith(prefix)) return { label };
  const rest = path.slice(prefix.length) || '/';
  if (NOT_SEATUNNEL_API[`${entry.method} ${rest}`]) return { ignored: 'not the SeaTunnel REST API', label };
  return { key: templates.find((t) => t.method === entry.method && t.re.test(rest))?.key, label };
}

const cases = folders().flatMap((dir) => {
  const indexFile = join(dir, '_index.json');
  const index = existsSync(indexFile)
    ? (JSON.parse(readFileSync(indexFile, 'utf8')) as Index)
    : { entries: [] };
  const described = new Set(index.entries.map((e) => e.file).filter(Boolean));
  const undescribed = readdirSync(dir).filter((f) => !f.startsWith('_') && !described.has(f));
  return [
    ...index.entries.filter((e) => e.file).map((entry) => ({ dir, entry, prefix: prefixOf(index, dir) })),
    ...undescribed.map((file) => ({
      dir,
      entry: { name: file, method: '?', path: '?', status: 0, file } as Entry,
      prefix: '',
    })),
  ];
});

describe('real SeaTunnel fixtures', () => {
  it('were recorded', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [`${c.dir.slice(ROOT.length + 1)}/${c.entry.file}`, c] as const))(
    '%s validates against its endpoint schema',
    (_, { dir, entry, prefix }) => {
      expect(entry.method, `${entry.file} is not described in _index.json`).not.toBe('?');
      const { key, ignored, label } = endpointOf(entry, prefix);
      if (ignored) return;
      // Log pages for a browser (no ?format=json; 2.3.9+): the dashboard asks for JSON.
      if (entry.status === 200 && entry.contentType?.startsWith('text/html')) return;
      const text = readFileSync(join(dir, entry.file ?? ''), 'utf8');
      // Errors have one shape whatever the path (unknown paths included).
      if (entry.status >= 400) {
        const body = validate(label, errorBodySchema, parseJsonLossless(text));
        expect(errorMessagesFromBody(text)).toEqual([body.message]);
        return;
      }
      expect(key, `no schema mapped for ${label} (fixture ${entry.file})`).toBeDefined();
      const schema = responseSchemas[key ?? ''];
      if (!schema) return;
      const json = key === 'GET /logs/:logName' ? text : parseJsonLossless(text);
      const data = validate(label, schema, json);
      // The normalisers must take every real shape too.
      if (key === 'GET /overview') toOverview(data as Parameters<typeof toOverview>[0]);
      if (key?.startsWith('GET /job-info') || key?.startsWith('GET /running-job/'))
        toJobDetail(data as Parameters<typeof toJobDetail>[0]);
      if (key === 'GET /running-jobs' || key?.startsWith('GET /finished-jobs'))
        (data as Parameters<typeof toJob>[0][]).map(toJob);
    },
  );
});
