import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';

/**
 * The header scripts and CLIs send to prove a request is not a cross-site one: a browser sends a
 * custom header cross-site only after a CORS preflight, and the dashboard never approves one.
 */
export const CLI_PROOF_HEADER = 'x-streamdash-request';

/** Where the server listens; its own address is an allowed host. */
export interface ListenAddress {
  host: string;
  port?: number | undefined;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return LOOPBACK_NAMES.includes(h) || h.startsWith('127.') || h === '::ffff:127.0.0.1';
}

/** `example.org:8080` or `[::1]:5173` → its lower-case host name and port (empty when absent). */
export function splitHost(value: string): { name: string; port: string } {
  const v = value.trim().toLowerCase();
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(v) ?? /^([^:]+)(?::(\d+))?$/.exec(v);
  if (!m) return { name: v, port: '' };
  return { name: m[1] ?? '', port: m[2] ?? '' };
}

/** Host names the dashboard answers to: loopback, its listen address (all interfaces when it listens on all), and the configured ones. */
export function allowedHostNames(listen: ListenAddress, configured: readonly string[]): string[] {
  const names = [...LOOPBACK_NAMES, ...configured];
  const listenName = splitHost(listen.host).name;
  if (listenName === '0.0.0.0' || listenName === '::' || listenName === '') {
    for (const list of Object.values(networkInterfaces())) {
      for (const i of list ?? []) names.push(i.address.toLowerCase());
    }
  } else names.push(listenName);
  return names;
}

/** Refusal message for a Host header the dashboard does not answer to (DNS rebinding), or undefined. */
export function checkHost(hostHeader: string | undefined, allowed: readonly string[]): string | undefined {
  if (!hostHeader) return 'the request has no Host header';
  const { name, port } = splitHost(hostHeader);
  const ok = allowed.some((entry) => {
    const e = splitHost(entry);
    if (entry.startsWith('.')) return name === entry.slice(1) || name.endsWith(entry);
    return e.name === name && (e.port === '' || e.port === port);
  });
  return ok
    ? undefined
    : `host "${hostHeader.slice(0, 100)}" is not allowed: add it to allowedHosts or DASHBOARD_ALLOWED_HOSTS`;
}

/** Host and port of an Origin header, with the scheme's default port left out (as in a Host header). */
function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}

function withoutDefaultPort(host: string): string {
  return host.toLowerCase().replace(/:(80|443)$/, '');
}

/**
 * Undefined when a mutating request proves it comes from the dashboard's own pages (Origin equal
 * to the dashboard's, or Sec-Fetch-Site: same-origin) or from a script (the custom header);
 * otherwise why it is refused. A foreign Origin or a cross-site fetch is refused whatever else it sends.
 */
export function checkSameOrigin(req: IncomingMessage): string | undefined {
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  const host = req.headers.host ?? '';
  if (origin !== undefined) {
    const from = originHost(origin);
    if (!from || withoutDefaultPort(from) !== withoutDefaultPort(host)) {
      return `cross-site request refused: Origin ${origin.slice(0, 100)} is not this dashboard`;
    }
  }
  if (site !== undefined && site !== 'same-origin') {
    return `cross-site request refused: Sec-Fetch-Site is ${String(site).slice(0, 20)}`;
  }
  if (origin !== undefined || site === 'same-origin') return undefined;
  if (req.headers[CLI_PROOF_HEADER] !== undefined) return undefined;
  return `request refused: it does not prove it comes from the dashboard (send the header "X-Streamdash-Request: 1" from scripts)`;
}
