import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HttpError } from '@/api/errors';
import type { ResourceRequirements } from '@/api/flink/schemas';
import { initialDrafts, isSchedulerUnsupported, planRescale, type RescaleVertex } from './rescale';

const DIR = join(process.cwd(), 'e2e/fixtures/flink/2.2');
const req = JSON.parse(
  readFileSync(join(DIR, 'adaptive--jobs__jobid__resource-requirements.json'), 'utf8'),
) as ResourceRequirements;
const vertices: RescaleVertex[] = [
  { id: '45b0254a46cabbc3efeea5d2e170ea5b', name: 'Source', current: 2, maxParallelism: 128 },
  { id: '2095a3dcf8ee91c0c3e0530de99058d9', name: 'Sink', current: 2, maxParallelism: 128 },
];

describe('planRescale', () => {
  it('sends every vertex, and summarises what changes', () => {
    const drafts = initialDrafts(req);
    drafts['45b0254a46cabbc3efeea5d2e170ea5b'] = { lower: '1', upper: '4' };
    const plan = planRescale(vertices, req, drafts);
    expect(plan.bounds).toEqual({
      '45b0254a46cabbc3efeea5d2e170ea5b': [1, 4],
      '2095a3dcf8ee91c0c3e0530de99058d9': [1, 2],
    });
    expect(plan.changed).toEqual(['45b0254a46cabbc3efeea5d2e170ea5b']);
    expect(plan.summary).toBe('Source 2 → 1..4');
  });

  it('nothing changed: nothing to send', () => {
    expect(planRescale(vertices, req, initialDrafts(req)).changed).toEqual([]);
  });

  it('refuses bounds Flink would refuse', () => {
    const id = '45b0254a46cabbc3efeea5d2e170ea5b';
    const bad = (lower: string, upper: string) =>
      planRescale(vertices, req, { ...initialDrafts(req), [id]: { lower, upper } });
    expect(bad('3', '2').errors[id]).toMatch(/above/);
    expect(bad('1', '0').errors[id]).toMatch(/at least 1/);
    expect(bad('1', '500').errors[id]).toMatch(/128/);
    expect(bad('1', '2.5').errors[id]).toMatch(/Whole/);
    expect(bad('3', '2').bounds).toBeUndefined();
  });
});

describe('isSchedulerUnsupported', () => {
  it('recognises the default scheduler’s answer (recorded)', () => {
    const body = JSON.parse(
      readFileSync(join(DIR, 'jobs__jobid__resource-requirements--default-scheduler.json'), 'utf8'),
    ) as { errors: string[] };
    expect(
      isSchedulerUnsupported(new HttpError('GET /jobs/:jobid/resource-requirements', 500, body.errors)),
    ).toBe(true);
    expect(isSchedulerUnsupported(new HttpError('GET /x', 500, ['boom']))).toBe(false);
  });
});
