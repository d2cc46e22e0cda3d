import { describe, expect, it } from 'vitest';
import { sideNavModel } from './side-nav-model';

const flink = { id: 'demo', name: 'Demo', kind: 'flink' as const, historyClusterId: 'hs' };
const history = { id: 'hs', name: 'History', kind: 'flink' as const, archive: true };
const st2 = { id: 'demo-seatunnel', name: 'Demo SeaTunnel', kind: 'seatunnel' as const };
const st1 = { id: 'demo-seatunnel-v1', name: 'Demo SeaTunnel (v1)', kind: 'seatunnel' as const };
const all = [flink, history, st2, st1];

describe('sideNavModel', () => {
  it('lists every SeaTunnel cluster, not just the first', () => {
    const m = sideNavModel(all, 'demo');
    expect(m.expanded).toBe(flink);
    expect(m.others).toEqual([{ kind: 'seatunnel', clusters: [st2, st1] }]);
  });

  it('on a SeaTunnel cluster: its views, the other SeaTunnel cluster and the Flink ones by name', () => {
    const m = sideNavModel(all, 'demo-seatunnel-v1');
    expect(m.expanded).toBe(st1);
    expect(m.others).toEqual([
      { kind: 'flink', clusters: [flink, history] },
      { kind: 'seatunnel', clusters: [st2] },
    ]);
  });

  it('off any cluster (home, triage): the first Flink cluster is expanded', () => {
    expect(sideNavModel(all, undefined).expanded).toBe(flink);
    expect(sideNavModel([st2, st1], undefined).expanded).toBeUndefined();
    expect(sideNavModel([st2, st1], undefined).others[0]?.clusters).toEqual([st2, st1]);
  });
});
