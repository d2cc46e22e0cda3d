/**
 * The value axis of every chart: which ticks it shows, in which unit, and how wide it must be.
 *
 *   const axis = valueAxis({ min: 0, max: 360e6, format: 'bytes' });
 *   // { unit: 'MiB', ticks: [0, 100·2²⁰, …], labels: ['0', '100', '200', '300', '400'], width: 35 }
 *
 * One unit per axis, chosen from the domain (the axis title shows it), so a tick label is a bare
 * number without spaces: it never wraps and its width is known. Steps are 1, 2 or 5 × 10ⁿ in that
 * unit (durations: also 15 and 30 s or min, 3, 6 and 12 h); a series of whole numbers (counts)
 * never gets a fractional step, bytes never step below 1 B nor durations below 1 ms. Labels carry
 * exactly the decimals the step needs, so every tick reads differently.
 */
import type { ValueFormat } from './value-format';

export interface AxisInput {
  /** Smallest and largest value drawn (undefined when there is nothing to draw). */
  min: number | undefined;
  max: number | undefined;
  format: ValueFormat;
  /** Fixed ends (e.g. [0, 1] for ratios); 'auto' fits the data. Default: from 0 for non-negative data. */
  domain?: readonly [number | 'auto', number | 'auto'];
  /** Every value is a whole number of things (task managers, restarts, records). */
  integers?: boolean;
  /** At most this many ticks (default 5). */
  maxTicks?: number;
}

export interface ValueAxis {
  domain: [number, number];
  ticks: number[];
  /** The axis title's unit ('MiB', '%', 'K/s', 's', …); '' for plain numbers. */
  unit: string;
  /** A tick's label: the value in `unit`, without the unit and without spaces. */
  label: (v: number) => string;
  /** Pixels the widest label needs at the charts' 11 px tick font, plus the tick mark. */
  width: number;
}

/** Widest glyph (digits, comma, minus) of an 11 px sans-serif font, rounded up. */
export const AXIS_CHAR_PX = 7;
const AXIS_PAD_PX = 12;
const AXIS_MIN_PX = 28;

interface Scale {
  factor: number;
  unit: string;
  /** Steps as multiples of 10ⁿ. */
  base: readonly number[];
  /** Steps of a unit that does not count in tens (seconds: 15, 30; hours: 3, 6, 12), used instead of `base` from 1 to their largest. */
  own?: readonly number[];
}

const DECIMAL = [1, 2, 5] as const;
/** Quarters read well in percent: 0, 25, 50, 75, 100. */
const PERCENT = [1, 2, 2.5, 5] as const;
const SIXTY = [1, 2, 5, 10, 15, 30] as const;
const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

function bytesScale(magnitude: number, suffix: string): Scale {
  let k = 0;
  while (k < BYTE_UNITS.length - 1 && magnitude >= 1024 ** (k + 1)) k++;
  return { factor: 1024 ** k, unit: `${BYTE_UNITS[k]}${suffix}`, base: DECIMAL };
}

function countScale(magnitude: number, suffix: string): Scale {
  // Compact at 10,000 like formatCount, so an axis reads like the numbers around it.
  const [factor, unit] =
    magnitude < 1e4
      ? [1, '']
      : magnitude < 1e7
        ? [1e3, 'K']
        : magnitude < 1e10
          ? [1e6, 'M']
          : magnitude < 1e13
            ? [1e9, 'B']
            : [1e12, 'T'];
  return { factor, unit: `${unit}${suffix}`, base: DECIMAL };
}

function durationScale(magnitude: number): Scale {
  if (magnitude < 2_000) return { factor: 1, unit: 'ms', base: DECIMAL };
  if (magnitude < 120_000) return { factor: 1000, unit: 's', base: DECIMAL, own: SIXTY };
  if (magnitude < 7_200_000) return { factor: 60_000, unit: 'min', base: DECIMAL, own: SIXTY };
  if (magnitude < 172_800_000) return { factor: 3_600_000, unit: 'h', base: DECIMAL, own: [1, 2, 3, 6, 12] };
  return { factor: 86_400_000, unit: 'd', base: DECIMAL };
}

function scaleFor(format: ValueFormat, magnitude: number): Scale {
  if (typeof format === 'function') return { factor: 1, unit: '', base: DECIMAL };
  switch (format) {
    case 'bytes':
      return bytesScale(magnitude, '');
    case 'byte-rate':
      return bytesScale(magnitude, '/s');
    case 'percent':
      return { factor: 0.01, unit: '%', base: PERCENT };
    case 'duration':
      return durationScale(magnitude);
    case 'rate':
      return countScale(magnitude, '/s');
    default:
      return countScale(magnitude, '');
  }
}

/**
 * Candidate steps from `from` upwards, ascending: the scale's base × 10ⁿ, and for a unit with a list
 * of its own (seconds: 15, 30; hours: 3, 6, 12) that list between 1 and its largest step.
 */
function candidateSteps(scale: Scale, from: number): number[] {
  const own = scale.own ?? [];
  const top = own.length ? Math.max(...own) : 0;
  const p0 = Math.floor(Math.log10(from));
  const out = new Set<number>(own);
  for (let p = p0 - 1; p <= p0 + 2; p++) {
    for (const s of scale.base) {
      const step = Number((s * 10 ** p).toPrecision(12));
      if (step >= 1 && step <= top) continue;
      out.add(step);
    }
  }
  return [...out].filter((s) => s >= from).sort((a, b) => a - b);
}

function decimalsOf(step: number): number {
  for (let d = 0; d < 12; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  return 12;
}

const numberFormats = new Map<number, Intl.NumberFormat>();
function numberFormat(decimals: number): Intl.NumberFormat {
  let f = numberFormats.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en', { maximumFractionDigits: decimals });
    numberFormats.set(decimals, f);
  }
  return f;
}

const finite = (n: number | 'auto' | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/** The ticks, unit, labels and width of a value axis (see the file comment for the rule). */
export function valueAxis({
  min,
  max,
  format,
  domain,
  integers = false,
  maxTicks = 5,
}: AxisInput): ValueAxis {
  const hasData = finite(min) && finite(max);
  const dMin = hasData ? Math.min(min, max) : 0;
  const dMax = hasData ? Math.max(min, max) : 0;
  const pinLo = finite(domain?.[0]) ? (domain[0] as number) : undefined;
  const pinHi = finite(domain?.[1]) ? (domain[1] as number) : undefined;
  let lo = pinLo ?? (domain?.[0] === 'auto' ? dMin : Math.min(0, dMin));
  let hi = pinHi ?? dMax;
  if (hi < lo) [lo, hi] = [hi, lo];

  const scale = scaleFor(format, Math.max(Math.abs(lo), Math.abs(hi)));
  // The smallest step that means something: one thing, one byte, one millisecond.
  const wholeUnits = integers || format === 'bytes' || format === 'byte-rate' || format === 'duration';
  const unitMin = wholeUnits ? 1 / scale.factor : 0;
  let l = lo / scale.factor;
  let h = hi / scale.factor;
  if (h === l) {
    // One value (or none): give it room, from 0 when that is where it sits.
    const pad = l === 0 ? Math.max(unitMin, 1) : Math.max(unitMin, Math.abs(l) * 0.01);
    if (l === 0) h = pad;
    else if (l < 0 && pinHi === undefined && domain?.[1] !== 'auto') h = 0;
    else {
      if (pinLo === undefined) l -= pad;
      if (pinHi === undefined) h += pad;
    }
  }

  const ticksWanted = Math.max(2, maxTicks);
  const minStep = Math.max(unitMin, (h - l) / (ticksWanted - 1), Number.MIN_VALUE);
  let step = minStep;
  let first = l;
  let last = h;
  for (const s of candidateSteps(scale, minStep)) {
    const a = pinLo !== undefined ? Math.ceil(l / s - 1e-9) * s : Math.floor(l / s + 1e-9) * s;
    const b = pinHi !== undefined ? Math.floor(h / s + 1e-9) * s : Math.ceil(h / s - 1e-9) * s;
    if (Math.round((b - a) / s) + 1 <= ticksWanted) {
      step = s;
      first = a;
      last = b;
      break;
    }
  }
  const decimals = decimalsOf(step);
  const count = Math.round((last - first) / step) + 1;
  const inUnit = Array.from({ length: count }, (_, i) => Number((first + i * step).toFixed(decimals)));
  const ticks = inUnit.map((v) => v * scale.factor);
  const fmt = numberFormat(decimals);
  // -0 would read "-0".
  const label = (v: number) => fmt.format(Number((v / scale.factor).toFixed(decimals)) || 0);
  const widest = Math.max(...inUnit.map((v) => fmt.format(v || 0).length));
  return {
    domain: [pinLo ?? first * scale.factor, pinHi ?? last * scale.factor],
    ticks,
    unit: typeof format === 'function' ? '' : scale.unit,
    label: typeof format === 'function' ? format : label,
    width: Math.max(AXIS_MIN_PX, widest * AXIS_CHAR_PX + AXIS_PAD_PX),
  };
}

/** Whether every value is a whole number (a count of things), so its axis needs no fractional tick. */
export function allIntegers(values: Iterable<number | undefined>): boolean {
  for (const v of values) if (v !== undefined && Number.isFinite(v) && !Number.isInteger(v)) return false;
  return true;
}
