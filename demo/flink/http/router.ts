// A tiny router with Flink's matching rules: literal segments win over parameters, a path that
// matches no route for the method is "Not found", and typed path parameters answer 400 when
// they cannot be parsed (a job id must be 32 hex characters, and so on).
import type { IncomingHttpHeaders } from 'node:http';
import { badRequest } from './errors.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Buffer;
  headers: IncomingHttpHeaders;
  /** The request URI as received (path and query), for messages. */
  uri: string;
  /** http://host:port of this server, as Flink reports its own address. */
  baseUrl: string;
}

export type Reply =
  | { status?: number; json: unknown }
  | { status?: number; text: string | Buffer; contentType?: string; afterSend?: () => void };

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export interface Route {
  method: Method;
  path: string;
  handler: Handler;
}

interface CompiledRoute extends Route {
  segments: string[];
}

const HEX32 = /^[0-9a-fA-F]{32}$/;
const INT = /^-?\d+$/;

/** Path parameters and how Flink parses them. */
function parsePathParam(name: string, value: string): string {
  const fail = () =>
    badRequest(
      `Bad request, could not parse parameters: Cannot resolve path parameter (${name}) from value "${value}".`,
      [
        {
          exceptionClass: 'org.apache.flink.runtime.rest.handler.HandlerRequestException',
          message: `Cannot resolve path parameter (${name}) from value "${value}".`,
        },
      ],
    );
  switch (name) {
    case 'jobid':
    case 'vertexid':
    case 'triggerid':
    case 'datasetid':
    case 'operatorid':
      if (!HEX32.test(value)) throw fail();
      return value.toLowerCase();
    case 'checkpointid':
    case 'subtaskindex':
    case 'attempt':
      if (!INT.test(value) || (name !== 'checkpointid' && Number(value) < 0)) throw fail();
      return String(Number(value));
    default:
      return value;
  }
}

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(route: Route): void {
    this.routes.push({ ...route, segments: split(route.path) });
  }

  /** All registered routes, for the route list in docs and tests. */
  list(): readonly Route[] {
    return this.routes;
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    const segs = split(path);
    let best: { route: CompiledRoute; raw: Record<string, string>; score: number } | undefined;
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== segs.length) continue;
      const raw: Record<string, string> = {};
      let score = 0;
      let ok = true;
      route.segments.forEach((seg, i) => {
        const actual = segs[i] ?? '';
        if (seg.startsWith(':')) raw[seg.slice(1)] = actual;
        else if (seg === actual) score += 2 ** (segs.length - i);
        else ok = false;
      });
      if (ok && (!best || score > best.score)) best = { route, raw, score };
    }
    if (!best) return undefined;
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(best.raw)) params[k] = parsePathParam(k, decodeURIComponent(v));
    return { route: best.route, params };
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

// ---- query parameters, parsed like Flink's MessageQueryParameter (repeated or comma-separated)

function queryFail(name: string, value: string) {
  return badRequest(
    `Bad request, could not parse parameters: Cannot resolve query parameter (${name}) from value "${value}".`,
  );
}

export function queryList(ctx: RequestContext, name: string): string[] {
  return ctx.query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

export function queryInt(ctx: RequestContext, name: string): number | undefined {
  const v = queryList(ctx, name)[0];
  if (v === undefined) return undefined;
  if (!INT.test(v)) throw queryFail(name, ctx.query.get(name) ?? v);
  return Number(v);
}

export function queryBool(ctx: RequestContext, name: string): boolean | undefined {
  const v = queryList(ctx, name)[0];
  if (v === undefined) return undefined;
  if (v !== 'true' && v !== 'false') throw queryFail(name, v);
  return v === 'true';
}

/** Validates an enum-like query parameter (case-insensitive, like Flink's enum parameters). */
export function queryEnum<T extends string>(ctx: RequestContext, name: string, allowed: readonly T[]): T[] {
  return queryList(ctx, name).map((v) => {
    const hit = allowed.find((a) => a.toLowerCase() === v.toLowerCase());
    if (!hit) throw queryFail(name, v);
    return hit;
  });
}

/** Parses a JSON request body; an empty body is "{}", as in Flink. */
export function jsonBody(ctx: RequestContext, requestClass: string): Record<string, unknown> {
  const text = ctx.body.toString('utf8').trim();
  if (text.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // falls through to Flink's message
  }
  throw badRequest(`Request did not match expected format ${requestClass}.`);
}
