import { describe, expect, it } from 'vitest';
import { matchScore, searchItems, type PaletteItem } from './search';
import { createSequenceMatcher, isPaletteKey, isTypingTarget } from './shortcuts';

const items: PaletteItem[] = [
  {
    id: 'cluster:demo',
    kind: 'cluster',
    label: 'Demo Flink',
    keywords: ['demo'],
    href: '/clusters/demo/overview',
  },
  {
    id: 'job:demo:50b2',
    kind: 'job',
    label: 'Clickstream Sessionization',
    keywords: ['50b2042cd7120ad7ee8c63fd08b4a9c2', 'Demo Flink'],
    href: '/clusters/demo/jobs/50b2042cd7120ad7ee8c63fd08b4a9c2',
  },
  {
    id: 'job:demo:605d',
    kind: 'job',
    label: 'Payment Fraud Detection',
    keywords: ['605d7b0f557f0a49455dbd8b66577dea', 'Demo Flink'],
    href: '/clusters/demo/jobs/605d7b0f557f0a49455dbd8b66577dea',
  },
  {
    id: 'vertex:demo:50b2:0f64',
    kind: 'vertex',
    label: 'Enrich: User Profile Lookup',
    keywords: ['0f64651db602bf689f4c427ccc4f679e', 'Clickstream Sessionization'],
    href: '/clusters/demo/jobs/50b2042cd7120ad7ee8c63fd08b4a9c2?vertex=0f64651db602bf689f4c427ccc4f679e',
  },
  {
    id: 'job:st:1003',
    kind: 'job',
    label: 'fake_to_console_stalled_sink',
    keywords: ['1003427881958424577'],
    href: '/clusters/st/jobs/1003427881958424577',
  },
];

describe('searchItems', () => {
  it('finds a job by name, by words in any order, and by letters in order', () => {
    expect(searchItems(items, 'clickstream')[0]?.label).toBe('Clickstream Sessionization');
    expect(searchItems(items, 'sessionization click')[0]?.label).toBe('Clickstream Sessionization');
    expect(searchItems(items, 'pfd')[0]?.label).toBe('Payment Fraud Detection');
  });

  it('finds a job by its id or an id prefix', () => {
    expect(searchItems(items, '605d7b0f')[0]?.label).toBe('Payment Fraud Detection');
    expect(searchItems(items, '1003427881958424577')[0]?.label).toBe('fake_to_console_stalled_sink');
  });

  it('ranks a job above a vertex of it, and leaves out what does not match', () => {
    expect(searchItems(items, 'clickstream').map((i) => i.kind)).toEqual(['job', 'vertex']);
    expect(searchItems(items, 'zzz')).toEqual([]);
    expect(searchItems(items, '', 2)).toHaveLength(2);
  });

  it('scores word starts above inner matches', () => {
    expect(matchScore('enrich: user profile lookup', 'profile')).toBeGreaterThan(
      matchScore('userprofile', 'profile'),
    );
  });
});

describe('shortcuts', () => {
  it('recognises g-sequences within the window only', () => {
    const match = createSequenceMatcher(1000);
    expect(match('g', 0)).toBeUndefined();
    expect(match('j', 500)).toBe('jobs');
    expect(match('g', 1000)).toBeUndefined();
    expect(match('o', 2500)).toBeUndefined();
    expect(match('x', 2600)).toBeUndefined();
    expect(match('g', 3000)).toBeUndefined();
    expect(match('t', 3100)).toBe('task-managers');
  });

  it('knows Ctrl-K / ⌘K and typing targets', () => {
    expect(isPaletteKey({ key: 'k', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false })).toBe(
      true,
    );
    expect(isPaletteKey({ key: 'K', ctrlKey: false, metaKey: true, altKey: false, shiftKey: false })).toBe(
      true,
    );
    expect(isPaletteKey({ key: 'k', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false })).toBe(
      false,
    );
    expect(isTypingTarget(document.createElement('input'))).toBe(true);
    expect(isTypingTarget(document.createElement('div'))).toBe(false);
  });
});
