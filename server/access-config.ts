import { resolve } from 'node:path';
import { isRole, type Role } from '../src/lib/action-roles.ts';
import { isPasswordHash } from './passwords.ts';

/** A user who signs in with HTTP basic auth; the password is only ever stored hashed. */
export interface ConfiguredUser {
  name: string;
  passwordHash: string;
  groups: string[];
  /** The user's global role (the same as an entry in `roles["*"]`). */
  role?: Role;
}

/** A reverse proxy (nginx, oauth2-proxy) that authenticates users and names them in a header. */
export interface TrustedProxy {
  userHeader: string;
  groupsHeader?: string;
  /** Client addresses the headers are accepted from; anyone else's copy is ignored. */
  addresses: string[];
}

export interface AccessConfig {
  /** Host names (optionally `name:port`, or `.example.org` for subdomains) besides loopback and the listen address. */
  allowedHosts: string[];
  users: ConfiguredUser[];
  trustedProxy?: TrustedProxy;
  /** `"*"` or a cluster id → user or group name → role. The highest role that applies wins. */
  roles: Record<string, Record<string, Role>>;
  /** Role of an authenticated user no mapping names. */
  defaultRole: Role;
  /** Role of everyone when nobody signs in; unset: admin on a loopback address, viewer elsewhere. */
  anonymousRole?: Role;
  /** `user:password` from DASHBOARD_BASIC_AUTH (kept for existing set-ups): an admin. */
  legacyBasic?: string;
  auditLog: string;
  auditMaxBytes: number;
  auditFiles: number;
}

export class AccessConfigError extends Error {}

const LIST = (raw: string | undefined) =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function role(value: unknown, where: string): Role {
  if (!isRole(value)) throw new AccessConfigError(`${where} must be viewer, operator or admin`);
  return value;
}

function users(raw: unknown): ConfiguredUser[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new AccessConfigError('users must be an array');
  return raw.map((u: unknown, i) => {
    const o = (typeof u === 'object' && u !== null ? u : {}) as Record<string, unknown>;
    const where = `users[${i}]`;
    if (typeof o.name !== 'string' || o.name === '' || o.name.includes(':')) {
      throw new AccessConfigError(`${where}.name must be a non-empty name without ":"`);
    }
    if (typeof o.passwordHash !== 'string' || !isPasswordHash(o.passwordHash)) {
      throw new AccessConfigError(
        `${where}.passwordHash must be a hash printed by "npm run hash-password" (never the password)`,
      );
    }
    const groups = Array.isArray(o.groups) ? o.groups.filter((g): g is string => typeof g === 'string') : [];
    return {
      name: o.name,
      passwordHash: o.passwordHash,
      groups,
      ...(o.role !== undefined ? { role: role(o.role, `${where}.role`) } : {}),
    };
  });
}

function roles(raw: unknown): Record<string, Record<string, Role>> {
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null) throw new AccessConfigError('roles must be an object');
  const out: Record<string, Record<string, Role>> = {};
  for (const [scope, mapping] of Object.entries(raw)) {
    if (typeof mapping !== 'object' || mapping === null) {
      throw new AccessConfigError(`roles.${scope} must map user and group names to roles`);
    }
    out[scope] = Object.fromEntries(
      Object.entries(mapping).map(([name, r]) => [name, role(r, `roles.${scope}.${name}`)]),
    );
  }
  return out;
}

function trustedProxy(o: Record<string, unknown>, env: NodeJS.ProcessEnv): TrustedProxy | undefined {
  const raw = (typeof o.trustedProxy === 'object' && o.trustedProxy !== null ? o.trustedProxy : {}) as Record<
    string,
    unknown
  >;
  const userHeader =
    env.DASHBOARD_TRUSTED_HEADER || (typeof raw.userHeader === 'string' ? raw.userHeader : '');
  if (!userHeader) return undefined;
  const groupsHeader =
    env.DASHBOARD_GROUPS_HEADER || (typeof raw.groupsHeader === 'string' ? raw.groupsHeader : '');
  const fromEnv = LIST(env.DASHBOARD_TRUSTED_PROXIES);
  const configured = Array.isArray(raw.addresses)
    ? raw.addresses.filter((a): a is string => typeof a === 'string')
    : [];
  const addresses = fromEnv.length > 0 ? fromEnv : configured.length > 0 ? configured : ['127.0.0.1', '::1'];
  return {
    userHeader: userHeader.toLowerCase(),
    ...(groupsHeader ? { groupsHeader: groupsHeader.toLowerCase() } : {}),
    addresses,
  };
}

export function parseAccessConfig(o: Record<string, unknown>, env: NodeJS.ProcessEnv = {}): AccessConfig {
  const allowedHosts = [
    ...(Array.isArray(o.allowedHosts)
      ? o.allowedHosts.filter((h): h is string => typeof h === 'string')
      : []),
    ...LIST(env.DASHBOARD_ALLOWED_HOSTS),
  ].map((h) => h.toLowerCase());
  const anonymous = env.DASHBOARD_ANONYMOUS_ROLE || o.anonymousRole;
  const proxy = trustedProxy(o, env);
  const dataDir = resolve(env.DASHBOARD_DATA_DIR || (typeof o.dataDir === 'string' ? o.dataDir : 'data'));
  const auditLog =
    env.DASHBOARD_AUDIT_LOG || (typeof o.auditLog === 'string' ? o.auditLog : resolve(dataDir, 'audit.log'));
  return {
    allowedHosts,
    users: users(o.users),
    ...(proxy ? { trustedProxy: proxy } : {}),
    roles: roles(o.roles),
    defaultRole: o.defaultRole === undefined ? 'viewer' : role(o.defaultRole, 'defaultRole'),
    ...(anonymous !== undefined && anonymous !== ''
      ? { anonymousRole: role(anonymous, 'anonymousRole') }
      : {}),
    ...(env.DASHBOARD_BASIC_AUTH ? { legacyBasic: env.DASHBOARD_BASIC_AUTH } : {}),
    auditLog: resolve(auditLog),
    auditMaxBytes: typeof o.auditMaxBytes === 'number' ? o.auditMaxBytes : 10 * 1024 * 1024,
    auditFiles: typeof o.auditFiles === 'number' ? Math.max(1, o.auditFiles) : 5,
  };
}

/** Whether anybody has to sign in (basic auth or a trusted proxy). */
export function requiresSignIn(access: AccessConfig): boolean {
  return access.users.length > 0 || access.legacyBasic !== undefined || access.trustedProxy !== undefined;
}
