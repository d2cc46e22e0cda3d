import { describe, expect, it } from 'vitest';
import { explainPending } from './pending';

const job = (env: Record<string, string>) => ({ envOptions: env });

describe('explainPending', () => {
  it('too few free slots for its parallelism: it waits for slots', () => {
    const e = explainPending(job({ 'job.mode': 'BATCH', parallelism: '4' }), {
      totalSlot: 8,
      unassignedSlot: 2,
    });
    expect(e).toMatchObject({ parallelism: 4, freeSlots: 2, totalSlots: 8 });
    expect(e.text).toContain('it asks for parallelism 4 and 2 of 8 slots are free');
  });

  it('free slots enough: says the REST API gives no reason and points at the log', () => {
    const e = explainPending(job({ parallelism: '4' }), { totalSlot: 20, unassignedSlot: 11 });
    expect(e.text).toBe(
      "11 of 20 slots are free, enough for parallelism 4, yet the job waits: the REST API gives no reason; the engine's log for this job does.",
    );
  });

  it('names a tag_filter that limits the job to tagged workers', () => {
    const e = explainPending(job({ parallelism: '1', 'tag_filter.zone': 'eu-2' }), {
      totalSlot: 20,
      unassignedSlot: 11,
    });
    expect(e.tagFilter).toBe('{zone=eu-2}');
    expect(e.text).toContain('Its tag_filter {zone=eu-2} limits it to workers with those tags');
  });

  it('dynamic slots (0 total) and no overview yet: says what cannot be told', () => {
    expect(explainPending(job({}), { totalSlot: 0, unassignedSlot: 0 }).text).toContain('dynamic slots');
    expect(explainPending(job({}), undefined).text).toContain('overview has not answered yet');
  });
});
