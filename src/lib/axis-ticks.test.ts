import { describe, expect, it } from 'vitest';
import { allIntegers, AXIS_CHAR_PX, valueAxis, type AxisInput, type ValueAxis } from './axis-ticks';

const MiB = 1024 ** 2;
const labels = (a: ValueAxis) => a.ticks.map(a.label);

/** What every axis must satisfy, whatever the data: the problems found (none when readable). */
function problems(a: ValueAxis, input: AxisInput): string[] {
  const shown = labels(a);
  const where = `${JSON.stringify(input)} -> ${JSON.stringify(shown)} ${a.unit}`;
  const out: string[] = [];
  const fail = (what: string) => out.push(`${what}: ${where}`);
  if (new Set(shown).size !== shown.length) fail('duplicate tick labels');
  if (shown.length < 2 || shown.length > (input.maxTicks ?? 5)) fail('too few or too many ticks');
  for (const l of shown) {
    if (/\s/.test(l)) fail('a tick label that can wrap');
    if (l.length * AXIS_CHAR_PX > a.width) fail('a label wider than the axis');
  }
  const slack = (t: number) => 1e-9 * Math.max(1, Math.abs(t));
  if (a.ticks.some((t) => t < a.domain[0] - slack(t) || t > a.domain[1] + slack(t)))
    fail('tick outside the domain');
  if (input.max !== undefined && input.domain?.[1] === undefined && a.domain[1] < input.max)
    fail('data above the axis');
  if (input.min !== undefined && input.domain?.[0] === undefined && a.domain[0] > input.min)
    fail('data below the axis');
  // The axis the charts reserved (64 px) holds any axis from 0, and any zoomed-in one of values
  // from 1 up (tiny values zoomed in need more digits: the axis then widens, it never clips).
  const zoomed = input.domain?.[0] === 'auto' && (input.min ?? 0) > 0;
  if (a.width > 64 && (!zoomed || (input.min ?? 0) >= 1)) fail('axis too wide');
  return out;
}

describe('valueAxis', () => {
  it('counts of things get whole-number ticks (3 task managers: 0 1 2 3, not 0.75 1.5 2.25)', () => {
    const a = valueAxis({ min: 3, max: 3, format: 'count', integers: true });
    expect(labels(a)).toEqual(['0', '1', '2', '3']);
    const found: string[] = [];
    for (let max = 1; max <= 400; max++) {
      const input = { min: 0, max, format: 'count', integers: true } as const;
      const axis = valueAxis(input);
      found.push(...problems(axis, input));
      if (!axis.ticks.every(Number.isInteger)) found.push(`fractional tick: ${max} -> ${axis.ticks.join()}`);
    }
    expect(found).toEqual([]);
  });

  it('a constant count still gets an axis (one task manager, or none at all)', () => {
    expect(labels(valueAxis({ min: 1, max: 1, format: 'count', integers: true }))).toEqual(['0', '1']);
    expect(labels(valueAxis({ min: 0, max: 0, format: 'count', integers: true }))).toEqual(['0', '1']);
    expect(labels(valueAxis({ min: undefined, max: undefined, format: 'count' }))).toEqual(['0', '0.5', '1']);
  });

  it('bytes: one binary unit per axis in the title, bare numbers on the ticks (191 MiB heap)', () => {
    const a = valueAxis({ min: 120 * MiB, max: 191 * MiB, format: 'bytes' });
    expect(a.unit).toBe('MiB');
    expect(labels(a)).toEqual(['0', '50', '100', '150', '200']);
    expect(a.ticks.at(-1)).toBe(200 * MiB);
    const b = valueAxis({ min: 0, max: 343 * MiB, format: 'bytes' });
    expect([b.unit, labels(b)]).toEqual(['MiB', ['0', '100', '200', '300', '400']]);
    const g = valueAxis({ min: 0, max: 1.5 * 1024 * MiB, format: 'bytes' });
    expect([g.unit, labels(g)]).toEqual(['GiB', ['0', '0.5', '1', '1.5']]);
    const small = valueAxis({ min: 0, max: 3, format: 'bytes' });
    expect([small.unit, labels(small)]).toEqual(['B', ['0', '1', '2', '3']]);
    expect(valueAxis({ min: 0, max: 5 * MiB, format: 'byte-rate' }).unit).toBe('MiB/s');
  });

  it('percent: the precision the range needs (GC time of 0.03 % does not read "0.0 %" on every tick)', () => {
    const gc = valueAxis({ min: 0, max: 0.0003, format: 'percent' });
    expect(gc.unit).toBe('%');
    expect(labels(gc)).toEqual(['0', '0.01', '0.02', '0.03']);
    const ratio = valueAxis({ min: 0.2, max: 0.7, format: 'percent', domain: [0, 1] });
    expect([ratio.domain, labels(ratio)]).toEqual([
      [0, 1],
      ['0', '25', '50', '75', '100'],
    ]);
  });

  it('a cumulative counter near 5 M reads differently on each tick (not "5M" five times)', () => {
    const a = valueAxis({
      min: 5_000_100,
      max: 5_003_900,
      format: 'count',
      integers: true,
      domain: ['auto', 'auto'],
    });
    expect(a.unit).toBe('K');
    expect(labels(a)).toEqual(['5,000', '5,001', '5,002', '5,003', '5,004']);
  });

  it('durations: a unit of time per axis, with steps of 15 and 30 in seconds and minutes', () => {
    const s = valueAxis({ min: 0, max: 100_000, format: 'duration' });
    expect([s.unit, labels(s)]).toEqual(['s', ['0', '30', '60', '90', '120']]);
    const ms = valueAxis({ min: 0, max: 740, format: 'duration' });
    expect([ms.unit, labels(ms)]).toEqual(['ms', ['0', '200', '400', '600', '800']]);
    const h = valueAxis({ min: 0, max: 26 * 3_600_000, format: 'duration' });
    expect([h.unit, labels(h)]).toEqual(['h', ['0', '12', '24', '36']]);
    // A duration never steps below a millisecond.
    const tiny = valueAxis({ min: 0, max: 2, format: 'duration' });
    expect(labels(tiny)).toEqual(['0', '1', '2']);
  });

  it('rates: fractions allowed, the compact unit carries "/s"', () => {
    const slow = valueAxis({ min: 0, max: 0.6, format: 'rate' });
    expect([slow.unit, labels(slow)]).toEqual(['/s', ['0', '0.2', '0.4', '0.6']]);
    const fast = valueAxis({ min: 0, max: 48_000, format: 'rate' });
    expect([fast.unit, labels(fast)]).toEqual(['K/s', ['0', '20', '40', '60']]);
  });

  it('negative values keep zero on the axis', () => {
    const a = valueAxis({ min: -40, max: 25, format: 'count', integers: true });
    expect(labels(a)).toContain('0');
    expect(a.domain[0]).toBeLessThanOrEqual(-40);
  });

  it('any range of any unit: distinct labels, no wrap, no label wider than the axis', () => {
    const formats = ['bytes', 'byte-rate', 'percent', 'count', 'duration', 'rate'] as const;
    let checked = 0;
    const found: string[] = [];
    for (const format of formats) {
      // Ratios up to 10 (1,000 %), durations up to 30 years; the others up to petabytes and trillions.
      const top = format === 'percent' ? 0 : format === 'duration' ? 11 : 15;
      for (let e = -3; e <= top; e++) {
        for (const m of [1, 1.37, 2.5, 4.99, 7.2]) {
          const max = m * 10 ** e;
          for (const lowShare of [0, 0.5, 0.999]) {
            const min = max * lowShare;
            for (const domain of [undefined, ['auto', 'auto'] as const]) {
              for (const maxTicks of [3, 5, 6]) {
                const input: AxisInput = { min, max, format, maxTicks, ...(domain ? { domain } : {}) };
                found.push(...problems(valueAxis(input), input));
                checked++;
              }
            }
          }
        }
      }
    }
    expect(found.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
  });
});

describe('allIntegers', () => {
  it('tells counts from measurements', () => {
    expect(allIntegers([0, 3, 12, undefined])).toBe(true);
    expect(allIntegers([0, 0.5])).toBe(false);
  });
});
