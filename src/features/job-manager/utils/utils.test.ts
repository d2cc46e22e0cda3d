import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigEntries } from '@/api/flink/schemas';
import { groupByPrefix, isHidden, searchConfig, searchList } from './config-search';
import {
  DEFAULT_PICKS,
  effectivePicks,
  formatFor,
  MAX_PICKS,
  readPicks,
  togglePick,
  writePicks,
} from './metric-picks';

const config = JSON.parse(
  readFileSync(resolve(process.cwd(), 'e2e/fixtures/flink/2.2/jobmanager__config.json'), 'utf8'),
) as ConfigEntries;

describe('configuration search', () => {
  it('finds keys and values, every term, sorted by key', () => {
    const hits = searchConfig(config, 'taskmanager SLOTS');
    expect(hits.map((e) => e.key)).toContain('taskmanager.numberOfTaskSlots');
    for (const e of hits)
      expect(`${e.key} ${e.value}`.toLowerCase()).toMatch(/taskmanager[^]*slots|slots[^]*taskmanager/);
    expect(searchConfig(config, 'numberOfTaskSlots 4').map((e) => e.key)).toEqual([
      'taskmanager.numberOfTaskSlots',
    ]);
    expect(searchConfig(config, 'FIXED-DELAY').map((e) => e.key)).toContain('restart-strategy.type');
    const all = searchConfig(config, '');
    expect(all).toHaveLength(config.length);
    expect(all.map((e) => e.key)).toEqual([...config.map((e) => e.key)].sort((a, b) => a.localeCompare(b)));
  });

  it('groups by the first key segment', () => {
    const groups = groupByPrefix(searchConfig(config, ''));
    const rest = groups.find((g) => g.prefix === 'rest');
    expect(rest?.entries.every((e) => e.key.startsWith('rest.'))).toBe(true);
    expect(groups.reduce((n, g) => n + g.entries.length, 0)).toBe(config.length);
  });

  it('searches lists and recognises hidden values', () => {
    expect(searchList(['-Xmx1g', '--add-opens=java.base/java.lang=ALL-UNNAMED'], 'xmx')).toEqual(['-Xmx1g']);
    expect(isHidden('******')).toBe(true);
    expect(isHidden('secret')).toBe(false);
  });
});

class MemoryStorage {
  private map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
  clear = () => this.map.clear();
  key = () => null;
  length = 0;
}

describe('metric picks', () => {
  const available = [
    'Status.JVM.CPU.Load',
    'Status.JVM.Memory.Heap.Used',
    'numRunningJobs',
    'taskSlotsTotal',
  ];

  it('starts from the defaults the cluster reports, then remembers the user’s picks per cluster', () => {
    const store = new MemoryStorage() as unknown as Storage;
    expect(effectivePicks(readPicks(store, 'a'), available)).toEqual(
      DEFAULT_PICKS.filter((m) => available.includes(m)),
    );
    writePicks(store, 'a', ['taskSlotsTotal']);
    expect(effectivePicks(readPicks(store, 'a'), available)).toEqual(['taskSlotsTotal']);
    expect(readPicks(store, 'b')).toBeUndefined();
    writePicks(store, 'a', []);
    expect(effectivePicks(readPicks(store, 'a'), available)).toEqual([]);
  });

  it('toggles, dropping the oldest beyond the limit', () => {
    expect(togglePick(['a', 'b'], 'a')).toEqual(['b']);
    const full = Array.from({ length: MAX_PICKS }, (_, i) => `m${i}`);
    const next = togglePick(full, 'new');
    expect(next).toHaveLength(MAX_PICKS);
    expect(next[0]).toBe('m1');
    expect(next.at(-1)).toBe('new');
  });

  it('reads formats from metric names', () => {
    expect(formatFor('Status.JVM.Memory.Heap.Used')).toBe('bytes');
    expect(formatFor('Status.JVM.Memory.Direct.Count')).toBe('count');
    expect(formatFor('Status.JVM.CPU.Load')).toBe('percent');
    expect(formatFor('Status.JVM.GarbageCollector.G1_Young_Generation.Time')).toBe('duration');
    expect(formatFor('numRunningJobs')).toBe('count');
  });
});
