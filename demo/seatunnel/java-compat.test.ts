import { describe, expect, it } from 'vitest';
import {
  formatEngineTime,
  hazelcastUnit,
  javaDouble,
  javaHashMapOrder,
  javaStringHash,
  parseJavaLong,
} from './java-compat.ts';

// Expected orders below were printed by a real JVM (java.util.HashMap#keySet).
describe('javaHashMapOrder', () => {
  it('orders the engine metric names like HashMap does', () => {
    const inserted = [
      'TableSourceReceivedCount',
      'TableSinkWriteCount',
      'TableSourceReceivedBytes',
      'TableSinkWriteBytes',
      'TableSourceReceivedQPS',
      'TableSinkWriteQPS',
      'TableSourceReceivedBytesPerSeconds',
      'TableSinkWriteBytesPerSeconds',
      'SourceReceivedCount',
      'SinkWriteCount',
      'SourceReceivedBytes',
      'SinkWriteBytes',
      'IntermediateQueueSize',
      'SourceReceivedQPS',
      'SinkWriteQPS',
      'SourceReceivedBytesPerSeconds',
      'SinkWriteBytesPerSeconds',
    ];
    expect(javaHashMapOrder(inserted).join(',')).toBe(
      'TableSourceReceivedCount,TableSourceReceivedQPS,TableSinkWriteQPS,TableSinkWriteCount,SinkWriteCount,' +
        'SinkWriteBytesPerSeconds,TableSinkWriteBytesPerSeconds,SinkWriteQPS,IntermediateQueueSize,SourceReceivedBytes,' +
        'SourceReceivedBytesPerSeconds,SourceReceivedCount,SourceReceivedQPS,TableSourceReceivedBytesPerSeconds,' +
        'TableSourceReceivedBytes,SinkWriteBytes,TableSinkWriteBytes',
    );
  });

  it('handles table names and resizes past 48 keys', () => {
    expect(javaHashMapOrder(['shop.orders', 'shop.customers', 'shop.products'])).toEqual([
      'shop.products',
      'shop.customers',
      'shop.orders',
    ]);
    const keys = Array.from({ length: 60 }, (_, i) => `erp.public.table_${String(i).padStart(3, '0')}`);
    expect(javaHashMapOrder(keys).join(',')).toBe(
      'erp.public.table_012,erp.public.table_056,erp.public.table_013,erp.public.table_057,erp.public.table_010,erp.public.table_054,erp.public.table_011,erp.public.table_055,erp.public.table_052,erp.public.table_053,erp.public.table_050,erp.public.table_051,erp.public.table_018,erp.public.table_019,erp.public.table_016,erp.public.table_017,erp.public.table_014,erp.public.table_058,erp.public.table_015,erp.public.table_059,erp.public.table_023,erp.public.table_024,erp.public.table_021,erp.public.table_022,erp.public.table_020,erp.public.table_029,erp.public.table_027,erp.public.table_028,erp.public.table_025,erp.public.table_026,erp.public.table_034,erp.public.table_035,erp.public.table_032,erp.public.table_033,erp.public.table_030,erp.public.table_031,erp.public.table_038,erp.public.table_039,erp.public.table_036,erp.public.table_037,erp.public.table_001,erp.public.table_045,erp.public.table_002,erp.public.table_046,erp.public.table_043,erp.public.table_000,erp.public.table_044,erp.public.table_041,erp.public.table_042,erp.public.table_040,erp.public.table_009,erp.public.table_007,erp.public.table_008,erp.public.table_005,erp.public.table_049,erp.public.table_006,erp.public.table_003,erp.public.table_047,erp.public.table_004,erp.public.table_048',
    );
  });

  it('keeps insertion order inside one bucket', () => {
    // "Aa" and "BB" share a hash code.
    expect(javaHashMapOrder(['BB', 'Aa'])).toEqual(['BB', 'Aa']);
    expect(javaHashMapOrder(['Aa', 'BB'])).toEqual(['Aa', 'BB']);
  });
});

describe('JVM formatting', () => {
  it('matches String#hashCode and Double#toString', () => {
    expect(javaStringHash('hello')).toBe(99162322);
    expect(javaDouble(100)).toBe('100.0');
    expect(javaDouble(0.1 + 0.2)).toBe('0.30000000000000004');
  });

  it('parses longs exactly and rejects what Long.parseLong rejects', () => {
    expect(parseJavaLong('733584788375666689')).toBe('733584788375666689');
    expect(parseJavaLong('9223372036854775807')).toBe('9223372036854775807');
    expect(() => parseJavaLong('9223372036854775808')).toThrow('For input string: "9223372036854775808"');
    expect(() => parseJavaLong('')).toThrow('For input string: ""');
    expect(() => parseJavaLong('12a')).toThrow();
  });

  it('formats sizes and times like the engine', () => {
    expect(hazelcastUnit(16 * 1024 ** 3)).toBe('16.0G');
    expect(hazelcastUnit(135.7 * 1024 ** 2)).toBe('135.7M');
    expect(hazelcastUnit(512)).toBe('512');
    expect(formatEngineTime(new Date(2025, 0, 2, 3, 4, 5).getTime())).toBe('2025-01-02 03:04:05');
  });
});
