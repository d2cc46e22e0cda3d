import { describe, expect, it } from 'vitest';
import { polledVertexIds } from './polled-vertices';

const all = ['a', 'b', 'c', 'd', 'e'];
const chains = new Map([['chain:b', ['b', 'c', 'd']]]);

describe('polledVertexIds', () => {
  it('polls the vertices on screen in the graph or the table, and the selected one', () => {
    expect([...polledVertexIds(all, new Set(['a']), new Set(['e']), chains, undefined)].sort()).toEqual([
      'a',
      'e',
    ]);
    expect([...polledVertexIds(all, new Set(['a']), new Set(), chains, 'd')].sort()).toEqual(['a', 'd']);
  });

  it('polls every member of a collapsed chain that is on screen', () => {
    expect([...polledVertexIds(all, new Set(['chain:b']), new Set(), chains, undefined)].sort()).toEqual([
      'b',
      'c',
      'd',
    ]);
  });

  it('polls only the selection before the first measurement (no burst for what is not shown)', () => {
    expect([...polledVertexIds(all, 'pending', 'pending', chains, 'c')]).toEqual(['c']);
    expect(polledVertexIds(all, 'pending', 'pending', chains, undefined).size).toBe(0);
  });

  it('polls everything when nothing can be measured, and ignores unknown ids', () => {
    expect(polledVertexIds(all, 'unmeasurable', 'unmeasurable', chains, undefined).size).toBe(5);
    expect([...polledVertexIds(all, new Set(['zz']), 'unmeasurable', chains, 'gone')]).toEqual([]);
  });
});
