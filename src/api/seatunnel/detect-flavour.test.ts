import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NetworkError } from '../errors';
import { detectFlavour, forgetDetectedFlavours, resolveFlavour } from './detect-flavour';

const OVERVIEW =
  '{"projectVersion":"2.3.8","totalSlot":"0","unassignedSlot":"0","workers":"1","runningJobs":"0","finishedJobs":"0","failedJobs":"0","cancelledJobs":"0"}';

/** A fake cluster: `routes` maps a path under /api/st to [status, body]; anything else is 404. */
function cluster(routes: Record<string, [number, string]>) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const path = url.replace(/^\/api\/st/, '');
      asked.push(path);
      const [status, body] = routes[path] ?? [404, '<html>Not Found</html>'];
      if (status === 0) throw new TypeError('Failed to fetch');
      return new Response(body, { status });
    }),
  );
  return asked;
}

beforeEach(() => forgetDetectedFlavours());
afterEach(() => vi.unstubAllGlobals());

describe('detectFlavour', () => {
  it('finds v2 by its /overview', async () => {
    const asked = cluster({ '/overview': [200, OVERVIEW] });
    await expect(detectFlavour('st')).resolves.toBe('v2');
    expect(asked).toEqual(['/overview']);
  });

  it('falls back to v1 when /overview is not the v2 API', async () => {
    // Hazelcast's REST port answers 400 for paths it does not know.
    const asked = cluster({ '/overview': [400, ''], '/hazelcast/rest/maps/overview': [200, OVERVIEW] });
    await expect(detectFlavour('st')).resolves.toBe('v1');
    expect(asked).toEqual(['/overview', '/hazelcast/rest/maps/overview']);
  });

  it('knows v1 engines without an overview by their running-jobs', async () => {
    const asked = cluster({
      '/overview': [200, '<html>a web UI</html>'],
      '/hazelcast/rest/maps/running-jobs': [200, '[]'],
    });
    await expect(detectFlavour('st')).resolves.toBe('v1');
    expect(asked).toEqual([
      '/overview',
      '/hazelcast/rest/maps/overview',
      '/hazelcast/rest/maps/running-jobs',
    ]);
  });

  it('asks once per cluster and keeps the answer', async () => {
    const asked = cluster({ '/overview': [200, OVERVIEW] });
    await Promise.all([detectFlavour('st'), detectFlavour('st')]);
    await detectFlavour('st');
    expect(asked).toEqual(['/overview']);
  });

  it('finds v1 when the Hazelcast port hangs up on /overview (real 2.3.8; the proxy says 504)', async () => {
    const asked = cluster({
      '/overview': [504, '{"errors":["cluster \\"st\\" did not answer: ECONNRESET"]}'],
      '/hazelcast/rest/maps/overview': [200, OVERVIEW],
    });
    await expect(detectFlavour('st')).resolves.toBe('v1');
    expect(asked).toEqual(['/overview', '/hazelcast/rest/maps/overview']);
  });

  it('reports an outage instead of guessing, and probes again next time', async () => {
    const down = cluster({ '/overview': [0, ''], '/hazelcast/rest/maps/overview': [0, ''] });
    await expect(detectFlavour('st')).rejects.toBeInstanceOf(NetworkError);
    expect(down).toEqual(['/overview', '/hazelcast/rest/maps/overview']);
    const asked = cluster({ '/overview': [200, OVERVIEW] });
    await expect(detectFlavour('st')).resolves.toBe('v2');
    expect(asked).toEqual(['/overview']);
  });

  it('fails when neither API answers', async () => {
    cluster({});
    await expect(detectFlavour('st')).rejects.toThrow(/neither SeaTunnel REST API v2 nor v1/);
  });

  it('does not probe a cluster configured with a flavour', async () => {
    const asked = cluster({});
    await expect(resolveFlavour('st', 'v1')).resolves.toBe('v1');
    expect(asked).toEqual([]);
  });
});
