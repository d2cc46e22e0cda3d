import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect } from '../support/fixtures';
import { freePort, killTree, waitForHttp } from '../support/processes';

/**
 * The example nginx config in deploy/ in front of the production server, with Debian's real nginx:
 * nginx authenticates, streamdash trusts only the header nginx sets.
 */
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

test.describe('behind the example nginx config', () => {
  test.skip(!NGINX && !process.env.CI, 'nginx is installed by npm test (scripts/ensure-system-packages.sh)');
  let nginx: ChildProcess | undefined;
  let server: ChildProcess | undefined;
  let nginxUrl = '';
  let directUrl = '';

  test.beforeAll(async ({ state }) => {
    const dir = mkdtempSync(join(tmpdir(), 'streamdash-nginx-'));
    const [serverPort, nginxPort] = [await freePort(), await freePort()];
    writeFileSync(
      join(dir, 'dashboard.config.json'),
      JSON.stringify({ clusters: [{ id: 'demo', kind: 'flink', url: state.demo.flinkUrl }] }),
    );
    server = spawn(resolve('node_modules/.bin/tsx'), ['server/main.ts'], {
      env: {
        ...process.env,
        PORT: String(serverPort),
        DASHBOARD_CONFIG: join(dir, 'dashboard.config.json'),
        DASHBOARD_TRUSTED_HEADER: 'X-Forwarded-User',
        FLINK_URL: '',
        SEATUNNEL_URL: '',
      },
      stdio: 'ignore',
      detached: true,
    });
    directUrl = `http://127.0.0.1:${serverPort}`;
    await waitForHttp(`${directUrl}/`);

    const hash = execFileSync('openssl', ['passwd', '-apr1', 'sesame']).toString().trim();
    writeFileSync(join(dir, 'htpasswd'), `oncall:${hash}\n`);
    const site = readFileSync('deploy/nginx.conf', 'utf8')
      .replace('listen 8443;', `listen 127.0.0.1:${nginxPort};`)
      .replace('/etc/nginx/streamdash.htpasswd', join(dir, 'htpasswd'))
      .replace('http://127.0.0.1:8080', directUrl);
    const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`;
    writeFileSync(
      join(dir, 'nginx.conf'),
      `${process.getuid?.() === 0 ? 'user root;' : ''}
daemon off; pid ${join(dir, 'nginx.pid')}; error_log ${join(dir, 'error.log')};
events {}
http { access_log off; ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}
${site} }`,
    );
    nginx = spawn(NGINX as string, ['-c', join(dir, 'nginx.conf'), '-p', dir], {
      stdio: 'ignore',
      detached: true,
    });
    nginxUrl = `http://127.0.0.1:${nginxPort}`;
    await waitForHttp(`${nginxUrl}/`);
  });

  test.afterAll(() => {
    killTree(nginx?.pid);
    killTree(server?.pid);
  });

  test('nginx asks for credentials and streamdash refuses requests that bypass nginx', async () => {
    expect((await fetch(`${nginxUrl}/`)).status).toBe(401);
    expect((await fetch(`${directUrl}/api/demo/overview`)).status).toBe(403);
    // A header forged by the user is overwritten by nginx with the authenticated user.
    const forged = await fetch(`${nginxUrl}/api/demo/overview`, { headers: { 'X-Forwarded-User': 'admin' } });
    expect(forged.status).toBe(401);
  });

  test('an authenticated user gets the dashboard and the cluster through nginx', async ({ browser }) => {
    const context = await browser.newContext({
      httpCredentials: { username: 'oncall', password: 'sesame' },
      baseURL: nginxUrl,
    });
    const page = await context.newPage();
    const doc = await page.goto('/clusters/demo/overview');
    await expect(page.getByTestId('taskmanagers-value')).toBeVisible();
    // nginx passes our server's security headers through: the page runs only its own scripts…
    expect(doc?.headers()['content-security-policy']).toContain("script-src 'self'");
    const res = await context.request.get('/api/demo/overview');
    expect(res.status()).toBe(200);
    // …and a cluster's answer opened as a document cannot run any.
    expect(res.headers()['content-security-policy']).toMatch(/(^|;)\s*sandbox(;|$)/);
    await context.close();
  });

  test('through nginx: the user and role reach streamdash, Host and Origin match, roles are enforced', async () => {
    const auth = { authorization: `Basic ${Buffer.from('oncall:sesame').toString('base64')}` };
    const me = (await (await fetch(`${nginxUrl}/api/me`, { headers: auth })).json()) as {
      user: string;
      role: string;
    };
    expect(me).toMatchObject({ user: 'oncall', role: 'viewer' });
    const post = (origin: string) =>
      fetch(`${nginxUrl}/api/demo/jobs/00000000000000000000000000000000/savepoints`, {
        method: 'POST',
        headers: { ...auth, origin, 'content-type': 'application/json' },
        body: '{}',
      });
    // The browser's own origin passes the cross-site check (nginx passes Host with its port) and
    // meets the role check: an unmapped user is a viewer.
    const own = await post(nginxUrl);
    expect(own.status).toBe(403);
    expect(await own.text()).toContain('the operator role is needed');
    const foreign = await post('http://evil.example');
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain('cross-site request refused');
  });
});
