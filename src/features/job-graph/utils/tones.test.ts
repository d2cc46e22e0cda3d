import { describe, expect, it } from 'vitest';
import { backPressureLevel, hotSpots, THRESHOLDS, vertexTone } from './tones';
import { EMPTY_LOAD, type VertexLoad } from './vertex-load';

const load = (l: Partial<VertexLoad>): VertexLoad => ({ ...EMPTY_LOAD, ...l });

describe('vertexTone', () => {
  it('marks a vertex back-pressured HIGH with the ratio as intensity', () => {
    expect(vertexTone('RUNNING', load({ busy: 0.11, backPressured: 0.89, idle: 0 }))).toEqual({
      tone: 'backpressured',
      fill: 0.89,
    });
  });

  it('marks the vertex downstream of it busy, the heat growing with the ratio', () => {
    expect(vertexTone('RUNNING', load({ busy: 0.99, backPressured: 0 }))).toEqual({
      tone: 'busy',
      fill: 0.99,
    });
    expect(vertexTone('RUNNING', load({ busy: THRESHOLDS.busy, backPressured: 0 })).tone).toBe('busy');
    expect(vertexTone('RUNNING', load({ busy: 0.49, backPressured: 0 })).tone).toBe('ok');
  });

  it('counts back-pressure only above Flink’s OK level (10 %) and when it dominates', () => {
    expect(vertexTone('RUNNING', load({ busy: 0.2, backPressured: 0.1 })).tone).toBe('ok');
    expect(vertexTone('RUNNING', load({ busy: 0.2, backPressured: 0.3 })).tone).toBe('backpressured');
    expect(vertexTone('RUNNING', load({ busy: 0.6, backPressured: 0.3 })).tone).toBe('busy');
  });

  it('gives an ok vertex its busy ratio as a light fill', () => {
    expect(vertexTone('RUNNING', load({ busy: 0.3, backPressured: 0, recordsIn: 5 }))).toEqual({
      tone: 'ok',
      fill: 0.3,
    });
  });

  it('calls a vertex idle only when it does nothing at all', () => {
    expect(
      vertexTone('RUNNING', load({ busy: 0, backPressured: 0, idle: 0.99, recordsIn: 0, recordsOut: 0 }))
        .tone,
    ).toBe('idle');
    expect(vertexTone('RUNNING', load({ busy: 0.01, backPressured: 0, idle: 0.99, recordsIn: 3 })).tone).toBe(
      'ok',
    );
  });

  it('lets the status win: failed, finished, starting, or no metrics yet', () => {
    const hot = load({ busy: 1, backPressured: 0 });
    expect(vertexTone('FAILED', hot).tone).toBe('failed');
    expect(vertexTone('FINISHED', hot).tone).toBe('idle');
    expect(vertexTone('DEPLOYING', hot).tone).toBe('unknown');
    expect(vertexTone('RUNNING', undefined).tone).toBe('unknown');
    expect(vertexTone('RUNNING', load({})).tone).toBe('unknown');
  });
});

describe('backPressureLevel', () => {
  it('follows Flink: OK up to 10 %, LOW up to 50 %, HIGH above', () => {
    expect(backPressureLevel(0.1)).toBe('ok');
    expect(backPressureLevel(0.11)).toBe('low');
    expect(backPressureLevel(0.5)).toBe('low');
    expect(backPressureLevel(0.51)).toBe('high');
    expect(backPressureLevel(undefined)).toBeUndefined();
  });
});

describe('hotSpots', () => {
  it('lists failed, then back-pressured, then busy vertices, strongest first', () => {
    const rows = [
      { id: 'ok', tone: 'ok' as const, fill: 0.4 },
      { id: 'busy', tone: 'busy' as const, fill: 0.99 },
      { id: 'bp-low', tone: 'backpressured' as const, fill: 0.3 },
      { id: 'bp-high', tone: 'backpressured' as const, fill: 0.9 },
      { id: 'failed', tone: 'failed' as const, fill: undefined },
    ];
    expect(hotSpots(rows).map((r) => r.id)).toEqual(['failed', 'bp-high', 'bp-low']);
    expect(hotSpots(rows, 10).map((r) => r.id)).toEqual(['failed', 'bp-high', 'bp-low', 'busy']);
  });
});
