import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAccessConfig, type AccessConfig } from './access-config.ts';

/** A cluster the dashboard may reach. Headers (auth) stay on the server and never reach the browser. */
export interface ClusterConfig {
  id: string;
  name: string;
  kind: 'flink' | 'seatunnel';
  url: string;
  headers?: Record<string, string>;
  /** SeaTunnel only: which REST flavour; detected by the browser when 'auto'. */
  flavour?: 'v1' | 'v2' | 'auto';
  /** Prometheus HTTP API base URL holding this cluster's metrics, for history. */
  prometheusUrl?: string;
  /** Flink only: the cluster's History Server. Proxied as the archive cluster `<id>-history`. */
  historyUrl?: string;
  /** Flink only: this "cluster" is a History Server (archived jobs, read-only, never polled). */
  archive?: boolean;
  /** false: left out of triage (home page, /triage, header badge): not polled in the background. */
  monitor?: boolean;
}

export interface DashboardConfig {
  clusters: ClusterConfig[];
  readOnly: boolean;
  /** Triage thresholds that override the built-in defaults. */
  triage?: Record<string, number>;
  /** Upstream limits, used by the production server and the dev proxy alike. */
  upstreamTimeoutMs: number;
  maxUploadBytes: number;
  maxConcurrentUpstream: number;
  /** Who may reach the dashboard and do what, and where actions are recorded (server/access-config.ts). */
  access: AccessConfig;
}

/** What the browser may know about a cluster: no headers, no secrets. */
export interface PublicCluster {
  id: string;
  name: string;
  kind: 'flink' | 'seatunnel';
  flavour?: 'v1' | 'v2' | 'auto';
  hasPrometheus: boolean;
  monitored: boolean;
  historyUrl?: string;
  /** A History Server: its jobs are archived, never change, and take no action. */
  archive?: boolean;
  /** The archive cluster holding this Flink cluster's finished jobs (from its `historyUrl`). */
  historyClusterId?: string;
}

export const DEFAULT_CONFIG_FILE = 'dashboard.config.json';

export class ConfigError extends Error {}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

function parseUrl(raw: string, where: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${where}: "${raw}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${where}: only http and https clusters are supported`);
  }
  return url.toString().replace(/\/+$/, '');
}

/**
 * SeaTunnel's docs give the v1 API as `http://host:5801/hazelcast/rest/maps`; the app's v1 client
 * adds that prefix itself, so a URL pasted with it would double it (and every answer be a 204).
 * Such a URL says which API the node speaks: it is v1, without probing v2 first (a v1 node hangs
 * up on v2's `/overview`, which the browser then logs as a 504 on every load).
 */
const V1_SUFFIX = /\/hazelcast\/rest\/maps$/;

type Flavour = 'v1' | 'v2' | 'auto';

function seaTunnelTarget(
  raw: string,
  configured: Flavour | undefined,
  where: string,
): { url: string; flavour: Flavour } {
  const url = parseUrl(raw, where);
  if (!V1_SUFFIX.test(url)) return { url, flavour: configured ?? 'auto' };
  if (configured === 'v2') {
    throw new ConfigError(`${where} ends with /hazelcast/rest/maps (REST v1) but the flavour says v2`);
  }
  return { url: url.replace(V1_SUFFIX, ''), flavour: 'v1' };
}

function clusterFromJson(raw: unknown, index: number): ClusterConfig {
  const where = `clusters[${index}]`;
  if (typeof raw !== 'object' || raw === null) throw new ConfigError(`${where} must be an object`);
  const o = raw as Record<string, unknown>;
  const id = o.id;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw new ConfigError(`${where}.id must be lower-case letters, digits and dashes`);
  }
  if (o.kind !== 'flink' && o.kind !== 'seatunnel')
    throw new ConfigError(`${where}.kind must be flink or seatunnel`);
  if (typeof o.url !== 'string') throw new ConfigError(`${where}.url is required`);
  const headers = o.headers;
  if (headers !== undefined) {
    if (typeof headers !== 'object' || headers === null)
      throw new ConfigError(`${where}.headers must be an object`);
    for (const value of Object.values(headers)) {
      if (typeof value !== 'string') throw new ConfigError(`${where}.headers values must be strings`);
    }
  }
  const flavour = o.flavour;
  if (flavour !== undefined && flavour !== 'v1' && flavour !== 'v2' && flavour !== 'auto') {
    throw new ConfigError(`${where}.flavour must be v1, v2 or auto`);
  }
  return {
    id,
    name: typeof o.name === 'string' ? o.name : id,
    kind: o.kind,
    ...(o.kind === 'seatunnel'
      ? seaTunnelTarget(o.url, flavour, `${where}.url`)
      : { url: parseUrl(o.url, `${where}.url`) }),
    ...(headers ? { headers: headers as Record<string, string> } : {}),
    ...(typeof o.prometheusUrl === 'string'
      ? { prometheusUrl: parseUrl(o.prometheusUrl, `${where}.prometheusUrl`) }
      : {}),
    ...(o.monitor === false ? { monitor: false } : {}),
    ...(typeof o.historyUrl === 'string' && o.kind === 'flink'
      ? { historyUrl: parseUrl(o.historyUrl, `${where}.historyUrl`) }
      : {}),
    ...(o.historyServer === true && o.kind === 'flink' ? { archive: true, monitor: false } : {}),
  };
}

/** The id under which a Flink cluster's `historyUrl` is proxied like a cluster of its own. */
export const historyClusterId = (id: string) => `${id}-history`;

/**
 * A Flink cluster's History Server becomes a read-only archive cluster of its own, so the browser
 * reaches it through the same `/api/<id>/...` proxy (and the same endpoint table) as any cluster.
 */
export function withHistoryClusters(clusters: ClusterConfig[]): ClusterConfig[] {
  return clusters.flatMap((c) =>
    c.historyUrl && !c.archive
      ? [
          c,
          {
            id: historyClusterId(c.id),
            name: `${c.name} · History Server`,
            kind: 'flink' as const,
            url: c.historyUrl,
            ...(c.headers ? { headers: c.headers } : {}),
            archive: true,
            monitor: false,
          },
        ]
      : [c],
  );
}

/** FLINK_URL / SEATUNNEL_URL hold one or more comma-separated URLs. */
function clustersFromEnv(env: NodeJS.ProcessEnv): ClusterConfig[] {
  const out: ClusterConfig[] = [];
  const add = (kind: 'flink' | 'seatunnel', list: string | undefined) => {
    const urls = (list ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    urls.forEach((raw, i) => {
      const id = urls.length === 1 ? kind : `${kind}-${i + 1}`;
      out.push({
        id,
        name: id,
        kind,
        ...(kind === 'seatunnel'
          ? seaTunnelTarget(raw, undefined, 'SEATUNNEL_URL')
          : { url: parseUrl(raw, 'FLINK_URL') }),
      });
    });
  };
  add('flink', env.FLINK_URL);
  add('seatunnel', env.SEATUNNEL_URL);
  return out;
}

export function parseConfig(json: unknown, env: NodeJS.ProcessEnv = {}): DashboardConfig {
  const o = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const list = o.clusters ?? [];
  if (!Array.isArray(list)) throw new ConfigError('clusters must be an array');
  const clusters = withHistoryClusters([...list.map(clusterFromJson), ...clustersFromEnv(env)]);
  const seen = new Set<string>();
  for (const c of clusters) {
    if (seen.has(c.id)) throw new ConfigError(`cluster id "${c.id}" is used twice`);
    seen.add(c.id);
  }
  const num = (key: string, fallback: number) => (typeof o[key] === 'number' ? (o[key] as number) : fallback);
  return {
    clusters,
    readOnly: o.readOnly === true || env.DASHBOARD_READ_ONLY === 'true',
    ...(typeof o.triage === 'object' && o.triage !== null
      ? { triage: o.triage as Record<string, number> }
      : {}),
    upstreamTimeoutMs: num('upstreamTimeoutMs', 30_000),
    maxUploadBytes: num('maxUploadBytes', 512 * 1024 * 1024),
    maxConcurrentUpstream: num('maxConcurrentUpstream', 32),
    access: parseAccessConfig(o, env),
  };
}

/** Reads the config file (DASHBOARD_CONFIG or ./dashboard.config.json) and the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): DashboardConfig {
  const path = resolve(cwd, env.DASHBOARD_CONFIG ?? DEFAULT_CONFIG_FILE);
  if (env.DASHBOARD_CONFIG && !existsSync(path)) throw new ConfigError(`config file ${path} does not exist`);
  const json: unknown = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  return parseConfig(json, env);
}

export function publicClusters(config: DashboardConfig): PublicCluster[] {
  return config.clusters.map((c) => ({
    id: c.id,
    name: c.name,
    kind: c.kind,
    ...(c.flavour ? { flavour: c.flavour } : {}),
    hasPrometheus: Boolean(c.prometheusUrl),
    monitored: c.monitor !== false,
    ...(c.historyUrl ? { historyUrl: c.historyUrl } : {}),
    ...(c.archive ? { archive: true } : {}),
    ...(c.historyUrl && !c.archive ? { historyClusterId: historyClusterId(c.id) } : {}),
  }));
}
