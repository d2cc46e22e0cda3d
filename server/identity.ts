import type { IncomingMessage } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import { roleAllows, type Role } from '../src/lib/action-roles.ts';
import { requiresSignIn, type AccessConfig } from './access-config.ts';
import { verifyPassword } from './passwords.ts';
import { isLoopbackHost, type ListenAddress } from './request-checks.ts';

/** Who is acting: a signed-in user, a user named by the trusted proxy, or nobody. */
export interface Identity {
  user: string | null;
  groups: string[];
  via: 'basic' | 'proxy' | 'anonymous';
}

export type Authentication =
  { ok: true; identity: Identity } | { ok: false; status: 401 | 403; message: string };

export const BASIC_REALM = 'Basic realm="streamdash", charset="UTF-8"';

function sameText(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The client's address, without the IPv4-mapped prefix. */
export function clientAddress(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
}

export interface Access {
  authenticate(req: IncomingMessage): Authentication;
  /** The identity's role on a cluster (or everywhere, without one). */
  roleFor(identity: Identity, clusterId?: string): Role;
  /** One line for the start-up log: how users sign in and what anonymous users may do. */
  describe(): string;
}

export function createAccess(access: AccessConfig, listen: ListenAddress, readOnly: boolean): Access {
  // scrypt is slow on purpose; remember verified credentials (by digest) rather than rehash on every poll.
  const verified = new Map<string, string>();
  const anonymousRole: Role = access.anonymousRole ?? (isLoopbackHost(listen.host) ? 'admin' : 'viewer');
  const signIn = requiresSignIn(access);

  function fromBasic(header: string | undefined): Identity | undefined {
    if (!header?.startsWith('Basic ')) return undefined;
    const given = Buffer.from(header.slice(6), 'base64').toString();
    const colon = given.indexOf(':');
    const name = colon < 0 ? given : given.slice(0, colon);
    if (access.legacyBasic !== undefined && sameText(given, access.legacyBasic)) {
      return { user: name, groups: [], via: 'basic' };
    }
    const digest = createHash('sha256').update(given).digest('base64');
    const known = verified.get(digest);
    const user = access.users.find((u) => u.name === name);
    if (!user) return undefined;
    if (known !== name) {
      if (!verifyPassword(given.slice(colon + 1), user.passwordHash)) return undefined;
      if (verified.size > 1000) verified.clear();
      verified.set(digest, name);
    }
    return { user: name, groups: user.groups, via: 'basic' };
  }

  function fromProxy(req: IncomingMessage): Identity | undefined {
    const proxy = access.trustedProxy;
    if (!proxy || !proxy.addresses.includes(clientAddress(req))) return undefined;
    const user = req.headers[proxy.userHeader];
    if (typeof user !== 'string' || user.trim() === '') return undefined;
    const groupsRaw = proxy.groupsHeader ? req.headers[proxy.groupsHeader] : undefined;
    const groups = (typeof groupsRaw === 'string' ? groupsRaw : '')
      .split(/[,;]/)
      .map((g) => g.trim())
      .filter(Boolean);
    return { user: user.trim(), groups, via: 'proxy' };
  }

  return {
    authenticate(req) {
      if (!signIn) return { ok: true, identity: { user: null, groups: [], via: 'anonymous' } };
      const identity = fromProxy(req) ?? fromBasic(req.headers.authorization);
      if (identity) return { ok: true, identity };
      if (access.users.length === 0 && access.legacyBasic === undefined) {
        return { ok: false, status: 403, message: 'Forbidden: not authenticated by the reverse proxy' };
      }
      return { ok: false, status: 401, message: 'Authentication required' };
    },
    roleFor(identity, clusterId) {
      let best: Role | undefined;
      const consider = (r: Role | undefined) => {
        if (r && (!best || roleAllows(r, best))) best = r;
      };
      if (identity.via === 'anonymous') best = anonymousRole;
      else {
        const legacy =
          access.legacyBasic !== undefined &&
          identity.via === 'basic' &&
          !access.users.some((u) => u.name === identity.user);
        if (legacy) consider('admin');
        consider(access.users.find((u) => u.name === identity.user)?.role);
        for (const scope of ['*', ...(clusterId ? [clusterId] : [])]) {
          const mapping = access.roles[scope] ?? {};
          for (const name of [identity.user ?? '', ...identity.groups]) consider(mapping[name]);
        }
      }
      const role = best ?? access.defaultRole;
      return readOnly ? 'viewer' : role;
    },
    describe() {
      const how = [
        access.trustedProxy
          ? `users from the ${access.trustedProxy.userHeader} header of ${access.trustedProxy.addresses.join(', ')}`
          : '',
        access.users.length > 0 ? `${access.users.length} configured users (basic auth)` : '',
        access.legacyBasic !== undefined ? 'DASHBOARD_BASIC_AUTH' : '',
      ].filter(Boolean);
      if (readOnly) return `access: read-only (readOnly is set)${how.length ? `; ${how.join('; ')}` : ''}`;
      if (signIn)
        return `access: sign-in required (${how.join('; ')}); unmapped users are ${access.defaultRole}s`;
      return access.anonymousRole
        ? `access: no users configured; everyone is ${anonymousRole} (anonymousRole)`
        : anonymousRole === 'admin'
          ? `access: no users configured; listening on loopback ${listen.host}, so everyone on this machine is admin`
          : `access: no users configured on non-loopback address ${listen.host}: READ-ONLY for everyone (set anonymousRole or users to allow actions)`;
    },
  };
}
