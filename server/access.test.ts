import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, mkdirSync, readFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProductionServer } from './app.ts';
import { parseConfig } from './cluster-config.ts';
import { hashPassword } from './passwords.ts';
import type { ListenAddress } from './request-checks.ts';

/*
 * Who may change a cluster through the dashboard, over real sockets: cross-site refusals, the
 * Host check, sign-in, roles (global and per cluster), the secure default, and the audit trail.
 */

const JOB = 'aaaabbbbccccddddeeeeffff00001111';
const SCRIPT = { 'x-streamdash-request': '1' };
const basic = (user: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});

const listenOn = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );

describe('access to cluster actions', () => {
  const hits: string[] = [];
  let upstream: Server;
  let upstreamUrl = '';
  let dir = '';
  const servers: Server[] = [];
  const alice = hashPassword('wonderland');
  const bob = hashPassword('builder');
  const carol = hashPassword('singer');

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        hits.push(`${req.method} ${req.url}`);
        const url = req.url ?? '';
        res.setHeader('content-type', 'application/json');
        if (req.method === 'OPTIONS') {
          res
            .writeHead(200, { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' })
            .end();
        } else if (req.method === 'POST' && url.endsWith('/savepoints')) {
          res.writeHead(202).end(JSON.stringify({ 'request-id': 'trigger-1' }));
        } else if (url.endsWith('/savepoints/trigger-1')) {
          res.end(
            JSON.stringify({
              status: { id: 'COMPLETED' },
              operation: { location: 'file:/tmp/sp/savepoint-1' },
            }),
          );
        } else res.writeHead(req.method === 'GET' ? 200 : 202).end('{}');
      });
    });
    upstreamUrl = await listenOn(upstream);
    dir = mkdtempSync(join(tmpdir(), 'streamdash-access-'));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.html'), '<!DOCTYPE html><title>streamdash</title>');
  });

  afterAll(() => {
    for (const s of [upstream, ...servers]) s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(
    json: Record<string, unknown>,
    listen: ListenAddress = { host: '127.0.0.1' },
    name = 'audit.log',
  ) {
    const lines: string[] = [];
    const config = parseConfig({
      clusters: [
        { id: 'prod', kind: 'flink', url: upstreamUrl },
        { id: 'staging', kind: 'flink', url: upstreamUrl },
        { id: 'st', kind: 'seatunnel', url: upstreamUrl },
      ],
      auditLog: join(dir, name),
      ...json,
    });
    const server = createProductionServer({
      config,
      distDir: join(dir, 'dist'),
      listen,
      log: (l) => lines.push(l),
    });
    servers.push(server);
    const base = await listenOn(server);
    return { base, lines, host: new URL(base).host };
  }

  const savepoint = (base: string, headers: Record<string, string>) =>
    fetch(`${base}/api/prod/jobs/${JOB}/savepoints`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...headers },
      body: JSON.stringify({ 'cancel-job': false, 'target-directory': 'file:/tmp/sp' }),
    });

  const audit = async (base: string, query = '', headers: Record<string, string> = {}) =>
    (await (await fetch(`${base}/api/audit${query}`, { headers })).json()) as {
      entries: {
        user: string | null;
        role?: string;
        action?: string;
        path: string;
        refused?: string;
        status?: number;
        response?: { status: number; triggerId?: string };
        result?: { location?: string };
        body?: unknown;
        jobId?: string;
      }[];
    };

  describe('cross-site requests', () => {
    it('refuses a foreign Origin, a cross-site or same-site fetch, and a request with no proof, without reaching the cluster', async () => {
      const { base } = await start({}, undefined, 'cross.log');
      hits.length = 0;
      const cases: [string, Record<string, string>][] = [
        ['foreign origin', { origin: 'http://evil.example' }],
        ['opaque origin', { origin: 'null' }],
        ['another local port', { origin: 'http://127.0.0.1:1' }],
        ['cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
        ['same-site fetch', { 'sec-fetch-site': 'same-site' }],
        // the CLI header cannot launder a request a browser marks as foreign
        ['foreign origin with the CLI header', { origin: 'http://evil.example', ...SCRIPT }],
        ['no proof', {}],
      ];
      for (const [what, headers] of cases) {
        const res = await savepoint(base, headers);
        expect(res.status, what).toBe(403);
        expect(((await res.json()) as { errors: string[] }).errors[0], what).toMatch(/refused/);
      }
      expect(hits).toEqual([]);
      const { entries } = await audit(base);
      expect(entries).toHaveLength(cases.length);
      expect(entries.every((e) => e.refused && e.status === 403 && e.jobId === JOB)).toBe(true);
    });

    it('lets the dashboard’s own pages and scripts through', async () => {
      const { base, host } = await start({}, undefined, 'same.log');
      hits.length = 0;
      const proofs: Record<string, string>[] = [
        { origin: `http://${host}` },
        { 'sec-fetch-site': 'same-origin' },
        SCRIPT,
      ];
      for (const headers of proofs) {
        expect((await savepoint(base, headers)).status).toBe(202);
      }
      expect(hits.filter((h) => h.startsWith('POST'))).toHaveLength(3);
    });

    it('answers preflights itself and never approves them', async () => {
      const { base } = await start({}, undefined, 'options.log');
      hits.length = 0;
      const res = await fetch(`${base}/api/prod/jobs/${JOB}/savepoints`, {
        method: 'OPTIONS',
        headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(hits).toEqual([]);
    });
  });

  describe('the Host check', () => {
    it('refuses hosts that are not allowed (DNS rebinding) and accepts configured ones', async () => {
      const { base } = await start({ allowedHosts: ['dash.example.org'] }, undefined, 'host.log');
      hits.length = 0;
      const get = (host: string) =>
        new Promise<number>((resolve) => {
          const { port } = new URL(base);
          void import('node:http').then(({ request }) =>
            request({ host: '127.0.0.1', port, path: '/api/prod/overview', headers: { host } }, (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            }).end(),
          );
        });
      expect(await get('evil.example:80')).toBe(403);
      expect(await get('rebind.attacker.test')).toBe(403);
      expect(hits.filter((h) => h.includes('/overview'))).toEqual([]);
      expect(await get('dash.example.org')).toBe(200);
      expect(await get('localhost:9')).toBe(200);
    });
  });

  describe('roles', () => {
    const users = [
      { name: 'alice', passwordHash: alice, role: 'admin' },
      { name: 'bob', passwordHash: bob, groups: ['oncall'] },
      { name: 'carol', passwordHash: carol },
    ];
    const roles = { prod: { oncall: 'operator' }, '*': { carol: 'viewer' } };

    it('asks for a password and refuses a wrong one', async () => {
      const { base } = await start({ users, roles }, undefined, 'roles1.log');
      expect((await fetch(`${base}/api/prod/overview`)).status).toBe(401);
      expect((await fetch(`${base}/api/prod/overview`, { headers: basic('alice', 'nope') })).status).toBe(
        401,
      );
      expect(
        (await fetch(`${base}/api/prod/overview`, { headers: basic('alice', 'wonderland') })).status,
      ).toBe(200);
    });

    it('refuses an action the role may not do with 403 naming the role needed', async () => {
      const { base } = await start({ users, roles }, undefined, 'roles2.log');
      hits.length = 0;
      const carolSp = await savepoint(base, { ...SCRIPT, ...basic('carol', 'singer') });
      expect(carolSp.status).toBe(403);
      expect(await carolSp.text()).toContain('the operator role is needed to savepoint (you are viewer)');
      // bob is operator on prod through his group, a viewer on staging
      expect((await savepoint(base, { ...SCRIPT, ...basic('bob', 'builder') })).status).toBe(202);
      const staging = await fetch(`${base}/api/staging/jobs/${JOB}/savepoints`, {
        method: 'POST',
        headers: { ...SCRIPT, ...basic('bob', 'builder') },
        body: '{}',
      });
      expect(staging.status).toBe(403);
      const cancel = await fetch(`${base}/api/prod/jobs/${JOB}?mode=cancel`, {
        method: 'PATCH',
        headers: { ...SCRIPT, ...basic('bob', 'builder') },
      });
      expect(cancel.status).toBe(403);
      expect(await cancel.text()).toContain('the admin role is needed to cancel');
      const upload = await fetch(`${base}/api/prod/jars/upload`, {
        method: 'POST',
        headers: { ...SCRIPT, ...basic('bob', 'builder') },
        body: new FormData(),
      });
      expect(upload.status).toBe(403);
      const stStop = await fetch(`${base}/api/st/stop-job`, {
        method: 'POST',
        headers: { ...SCRIPT, ...basic('alice', 'wonderland'), 'content-type': 'application/json' },
        body: JSON.stringify({ jobId: 123, isStopWithSavePoint: true }),
      });
      expect(stStop.status).toBe(202);
      expect(hits.filter((h) => !h.startsWith('GET'))).toEqual([
        `POST /jobs/${JOB}/savepoints`,
        'POST /stop-job',
      ]);
      const me = (await (
        await fetch(`${base}/api/me`, { headers: basic('bob', 'builder') })
      ).json()) as unknown;
      expect(me).toMatchObject({
        user: 'bob',
        role: 'viewer',
        clusterRoles: { prod: 'operator', staging: 'viewer' },
      });
    });

    it('records refusals honestly: the user only when the credentials are good, a role only when it was applied', async () => {
      const { base, host } = await start({ users, roles }, undefined, 'honest.log');
      hits.length = 0;
      // cross-site, with alice's good credentials attached (as a browser attaches cached ones)
      expect(
        (await savepoint(base, { origin: 'http://evil.example', ...basic('alice', 'wonderland') })).status,
      ).toBe(403);
      // cross-site, with a wrong password
      expect(
        (await savepoint(base, { 'sec-fetch-site': 'cross-site', ...basic('alice', 'nope') })).status,
      ).toBe(403);
      // proven, but nobody signed in
      const unsigned = await savepoint(base, SCRIPT);
      expect(unsigned.status).toBe(401);
      expect(unsigned.headers.get('www-authenticate')).toMatch(/^Basic/);
      // a Host the dashboard does not answer to, with good credentials
      const wrongHost = await new Promise<number>((resolve) => {
        void import('node:http').then(({ request }) =>
          request(
            {
              host: '127.0.0.1',
              port: new URL(base).port,
              method: 'POST',
              path: `/api/prod/jobs/${JOB}/savepoints`,
              headers: { host: 'rebind.attacker.test', ...SCRIPT, ...basic('alice', 'wonderland') },
            },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          ).end('{}'),
        );
      });
      expect(wrongHost).toBe(403);
      // the role decides: carol is a viewer
      expect((await savepoint(base, { origin: `http://${host}`, ...basic('carol', 'singer') })).status).toBe(
        403,
      );
      // (an earlier test's trigger follower may still poll with GETs)
      expect(hits.filter((h) => !h.startsWith('GET'))).toEqual([]);
      const { entries } = await audit(base, '', basic('alice', 'wonderland'));
      const lines = entries.map((e) => ({ user: e.user, role: e.role, status: e.status }));
      expect(lines).toEqual([
        { user: 'carol', role: 'viewer', status: 403 },
        { user: 'alice', role: undefined, status: 403 },
        { user: null, role: undefined, status: 401 },
        { user: null, role: undefined, status: 403 },
        { user: 'alice', role: undefined, status: 403 },
      ]);
      expect(entries.every((e) => e.refused)).toBe(true);
      expect(entries[1]?.refused).toMatch(/not allowed/);
      // a refused request is named by the action it tried, as a forwarded one is
      expect(entries.filter((e) => e.action === 'savepoint')).toHaveLength(4);
    });

    it('signs out of basic auth: the old password is turned away once, the next one typed is accepted', async () => {
      const { base } = await start({ users, roles }, undefined, 'signout.log');
      const alice = basic('alice', 'wonderland');
      const out = await fetch(`${base}/api/sign-out`, { headers: alice });
      expect(out.status).toBe(200);
      expect(await out.text()).toContain('You are signed out');
      const cookie = (out.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      expect(cookie).toBe('streamdash-signed-out=1');
      // the browser comes back with the cached password and the cookie: refused, cookie cleared
      const again = await fetch(`${base}/`, { headers: { ...alice, cookie } });
      expect(again.status).toBe(401);
      expect(again.headers.get('www-authenticate')).toMatch(/^Basic/);
      expect(again.headers.get('set-cookie')).toMatch(/^streamdash-signed-out=;.*Max-Age=0/);
      // what the user types next comes without the cookie
      expect((await fetch(`${base}/api/me`, { headers: alice })).status).toBe(200);
      // the sign-out page itself needs no password (there may be none left to send)
      expect((await fetch(`${base}/api/sign-out`)).status).toBe(200);
    });

    it('takes users and groups from the trusted proxy only when it comes from a configured address', async () => {
      const proxy = { userHeader: 'X-Forwarded-User', groupsHeader: 'X-Forwarded-Groups' };
      const trusted = await start(
        { trustedProxy: { ...proxy, addresses: ['127.0.0.1'] }, roles },
        undefined,
        'proxy1.log',
      );
      const headers = { ...SCRIPT, 'x-forwarded-user': 'dave', 'x-forwarded-groups': 'staff, oncall' };
      expect((await savepoint(trusted.base, headers)).status).toBe(202);
      const entries = (await audit(trusted.base, '', headers)).entries;
      expect(entries[0]?.user).toBe('dave');
      const untrusted = await start(
        { trustedProxy: { ...proxy, addresses: ['10.9.9.9'] }, roles },
        undefined,
        'proxy2.log',
      );
      expect((await savepoint(untrusted.base, headers)).status).toBe(403);
    });

    it('is read-only on a non-loopback address with no users, unless anonymousRole says otherwise, and says so at start-up', async () => {
      const open = await start({}, { host: '0.0.0.0' }, 'anon1.log');
      const res = await savepoint(open.base, SCRIPT);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('operator role is needed');
      expect(open.lines.join('\n')).toMatch(/READ-ONLY/);
      const operator = await start({ anonymousRole: 'operator' }, { host: '0.0.0.0' }, 'anon2.log');
      expect((await savepoint(operator.base, SCRIPT)).status).toBe(202);
      expect(operator.lines.join('\n')).toContain('everyone is operator');
      const loopback = await start({}, { host: '127.0.0.1' }, 'anon3.log');
      expect((await savepoint(loopback.base, SCRIPT)).status).toBe(202);
      expect(loopback.lines.join('\n')).toContain('admin');
    });
  });

  describe('the audit trail', () => {
    it('records an action before it is forwarded, its answer, trigger id and savepoint path, without secrets', async () => {
      const { base } = await start({}, undefined, 'trail.log');
      const res = await fetch(`${base}/api/st/submit-job?jobName=x`, {
        method: 'POST',
        headers: { ...SCRIPT, 'content-type': 'application/json' },
        body: JSON.stringify({ env: { parallelism: 1 }, password: 'hunter2', jobId: '7' }),
      });
      expect(res.status).toBe(202);
      expect((await savepoint(base, SCRIPT)).status).toBe(202);
      await expect
        .poll(async () => (await audit(base)).entries[0]?.result?.location, { timeout: 10_000 })
        .toBe('file:/tmp/sp/savepoint-1');
      const [sp, submit] = (await audit(base)).entries;
      expect(sp).toMatchObject({
        path: `/jobs/${JOB}/savepoints`,
        jobId: JOB,
        response: { status: 202, triggerId: 'trigger-1' },
      });
      expect(sp?.body).toEqual({ 'cancel-job': false, 'target-directory': 'file:/tmp/sp' });
      expect(submit?.jobId).toBe('7');
      expect(readFileSync(join(dir, 'trail.log'), 'utf8')).not.toContain('hunter2');
      expect((await audit(base, `?job=${JOB}`)).entries).toHaveLength(1);
      expect((await audit(base, '?cluster=st')).entries).toHaveLength(1);
      expect((await audit(base, '?user=nobody')).entries).toHaveLength(0);
      // a new server on the same file (a restart) still has it
      const again = await start({}, undefined, 'trail.log');
      expect((await audit(again.base)).entries.map((e) => e.path)).toEqual([
        `/jobs/${JOB}/savepoints`,
        '/submit-job?jobName=x',
      ]);
    });

    it('refuses the action when the audit line cannot be written', async () => {
      writeFileSync(join(dir, 'not-a-dir'), '');
      const { base } = await start({ auditLog: join(dir, 'not-a-dir', 'audit.log') });
      hits.length = 0;
      const res = await savepoint(base, SCRIPT);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('audit trail cannot be written');
      expect(hits).toEqual([]);
    });

    it('rotates by size and still finds older entries', async () => {
      const { base } = await start({ auditMaxBytes: 700, auditFiles: 3 }, undefined, 'rotate.log');
      for (let i = 0; i < 6; i++) expect((await savepoint(base, SCRIPT)).status).toBe(202);
      expect(existsSync(join(dir, 'rotate.log.1'))).toBe(true);
      expect(readFileSync(join(dir, 'rotate.log')).length).toBeLessThanOrEqual(700);
      expect((await audit(base)).entries.length).toBeGreaterThanOrEqual(3);
    });
  });
});
