import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, publicClusters } from './cluster-config.ts';

describe('cluster configuration', () => {
  it('reads clusters from FLINK_URL and SEATUNNEL_URL, several allowed', () => {
    const cfg = parseConfig(
      {},
      { FLINK_URL: 'http://a:8081, http://b:8081', SEATUNNEL_URL: 'http://st:8080/ctx/' },
    );
    expect(cfg.clusters.map((c) => [c.id, c.kind, c.url])).toEqual([
      ['flink-1', 'flink', 'http://a:8081'],
      ['flink-2', 'flink', 'http://b:8081'],
      ['seatunnel', 'seatunnel', 'http://st:8080/ctx'],
    ]);
  });
  it('takes a SeaTunnel v1 URL pasted with its /hazelcast/rest/maps prefix as the node address', () => {
    const cfg = parseConfig(
      {
        clusters: [
          { id: 'st', kind: 'seatunnel', url: 'http://st:5801/hazelcast/rest/maps/', flavour: 'v1' },
        ],
      },
      { SEATUNNEL_URL: 'http://st2:5801/hazelcast/rest/maps' },
    );
    expect(cfg.clusters.map((c) => c.url)).toEqual(['http://st:5801', 'http://st2:5801']);
  });
  it('knows a URL with /hazelcast/rest/maps is REST v1, so the browser never probes v2 on it', () => {
    const cfg = parseConfig(
      { clusters: [{ id: 'st', kind: 'seatunnel', url: 'http://st:5801/hazelcast/rest/maps' }] },
      { SEATUNNEL_URL: 'http://st2:5801/hazelcast/rest/maps/,http://st3:8080' },
    );
    expect(publicClusters(cfg).map((c) => [c.id, c.flavour])).toEqual([
      ['st', 'v1'],
      ['seatunnel-1', 'v1'],
      ['seatunnel-2', 'auto'],
    ]);
    expect(() =>
      parseConfig({
        clusters: [{ id: 'st', kind: 'seatunnel', url: 'http://st:5801/hazelcast/rest/maps', flavour: 'v2' }],
      }),
    ).toThrow(/clusters\[0\]\.url .*REST v1/);
  });
  it('rejects bad ids, kinds, URLs and duplicates with a message saying where', () => {
    expect(() => parseConfig({ clusters: [{ id: 'A B', kind: 'flink', url: 'http://x' }] })).toThrow(
      /clusters\[0\]\.id/,
    );
    expect(() => parseConfig({ clusters: [{ id: 'a', kind: 'spark', url: 'http://x' }] })).toThrow(
      ConfigError,
    );
    expect(() => parseConfig({ clusters: [{ id: 'a', kind: 'flink', url: 'file:///etc' }] })).toThrow(/http/);
    expect(
      () =>
        parseConfig({ clusters: [{ id: 'a', kind: 'flink', url: 'http://x' }] }, { FLINK_URL: 'http://y' })
          .clusters,
    ).not.toThrow();
    expect(() =>
      parseConfig({ clusters: [{ id: 'flink', kind: 'flink', url: 'http://x' }] }, { FLINK_URL: 'http://y' }),
    ).toThrow(/twice/);
  });
  it('never exposes headers to the browser', () => {
    const cfg = parseConfig({
      clusters: [{ id: 'a', kind: 'flink', url: 'http://x', headers: { authorization: 'secret' } }],
    });
    expect(JSON.stringify(publicClusters(cfg))).not.toContain('secret');
  });
  it('tells the browser which clusters triage watches (all, unless monitor: false)', () => {
    const cfg = parseConfig({
      clusters: [
        { id: 'prod', kind: 'flink', url: 'http://x' },
        { id: 'sandbox', kind: 'flink', url: 'http://y', monitor: false },
      ],
    });
    expect(publicClusters(cfg).map((c) => [c.id, c.monitored])).toEqual([
      ['prod', true],
      ['sandbox', false],
    ]);
  });
  it("gives the browser a Flink cluster's History Server URL, checked like every URL", () => {
    const cfg = parseConfig({
      clusters: [
        { id: 'prod', kind: 'flink', url: 'http://x', historyUrl: 'http://history:8082/' },
        { id: 'plain', kind: 'flink', url: 'http://y' },
      ],
    });
    expect(publicClusters(cfg).map((c) => [c.id, c.historyUrl])).toEqual([
      ['prod', 'http://history:8082'],
      ['prod-history', undefined],
      ['plain', undefined],
    ]);
    expect(() =>
      parseConfig({
        clusters: [{ id: 'a', kind: 'flink', url: 'http://x', historyUrl: 'javascript:alert(1)' }],
      }),
    ).toThrow(/clusters\[0\]\.historyUrl/);
  });
  it('makes a History Server a read-only, unmonitored archive cluster: from historyUrl or on its own', () => {
    const cfg = parseConfig({
      clusters: [
        { id: 'prod', name: 'Prod', kind: 'flink', url: 'http://x', historyUrl: 'http://history:8082/' },
        { id: 'hs', kind: 'flink', url: 'http://hs:8082', historyServer: true },
        { id: 'st', kind: 'seatunnel', url: 'http://st', historyServer: true },
      ],
    });
    expect(publicClusters(cfg)).toEqual([
      expect.objectContaining({ id: 'prod', historyClusterId: 'prod-history', monitored: true }),
      {
        id: 'prod-history',
        name: 'Prod · History Server',
        kind: 'flink',
        archive: true,
        hasPrometheus: false,
        monitored: false,
      },
      { id: 'hs', name: 'hs', kind: 'flink', archive: true, hasPrometheus: false, monitored: false },
      expect.not.objectContaining({ archive: true }),
    ]);
    expect(cfg.clusters.find((c) => c.id === 'prod-history')?.url).toBe('http://history:8082');
    expect(() =>
      parseConfig({
        clusters: [
          { id: 'a', kind: 'flink', url: 'http://x', historyUrl: 'http://h' },
          { id: 'a-history', kind: 'flink', url: 'http://y' },
        ],
      }),
    ).toThrow(/a-history.*twice/);
  });
});
