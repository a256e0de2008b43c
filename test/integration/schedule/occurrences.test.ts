import { describe, expect, it } from 'vitest';
import { parseCron } from '../../../src/schedule/cron-spec.ts';
import { nextOccurrence, occurrencesBetween, previousOccurrence } from '../../../src/schedule/occurrences.ts';
import { localDate, localParts } from '../../../src/schedule/zoned-time.ts';

const between = (expr: string, tz: string, from: string, to: string): string[] =>
  occurrencesBetween(parseCron(expr), tz, new Date(from), new Date(to)).map((d) => d.toISOString());

describe('cron occurrences in a time zone', () => {
  it('fires a daily 02:30 America/New_York target exactly once on the spring-forward day (at 03:30 EDT)', () => {
    expect(between('30 2 * * *', 'America/New_York', '2025-03-08T00:00:00Z', '2025-03-11T00:00:00Z')).toEqual([
      '2025-03-08T07:30:00.000Z', // 02:30 EST
      '2025-03-09T07:30:00.000Z', // 02:30 does not exist: 03:30 EDT
      '2025-03-10T06:30:00.000Z', // 02:30 EDT
    ]);
  });

  it('fires a daily 01:30 America/New_York target once on the fall-back day (the first 01:30)', () => {
    expect(between('30 1 * * *', 'America/New_York', '2025-11-01T00:00:00Z', '2025-11-04T00:00:00Z')).toEqual([
      '2025-11-01T05:30:00.000Z',
      '2025-11-02T05:30:00.000Z', // 01:30 EDT; the repeated 01:30 EST (06:30Z) does not fire
      '2025-11-03T06:30:00.000Z',
    ]);
  });

  it('handles Europe/Berlin both ways', () => {
    expect(between('30 2 * * *', 'Europe/Berlin', '2025-03-29T12:00:00Z', '2025-03-31T12:00:00Z')).toEqual([
      '2025-03-30T01:30:00.000Z', // 02:30 skipped → 03:30 CEST
      '2025-03-31T00:30:00.000Z',
    ]);
    expect(between('30 2 * * *', 'Europe/Berlin', '2025-10-25T12:00:00Z', '2025-10-27T12:00:00Z')).toEqual([
      '2025-10-26T00:30:00.000Z', // first 02:30 (CEST)
      '2025-10-27T01:30:00.000Z',
    ]);
  });

  it('gives one digest per local day for every daily time across a whole DST year', () => {
    for (const tz of ['America/New_York', 'Europe/Berlin', 'Australia/Sydney']) {
      for (const time of ['30 0', '0 2', '30 2', '59 2', '30 1', '0 3']) {
        const all = between(`${time} * * *`, tz, '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
        const days = all.map((iso) => localDate(Date.parse(iso), tz));
        expect(new Set(days).size, `${tz} ${time}`).toBe(days.length);
        expect(days.length, `${tz} ${time}`).toBeGreaterThanOrEqual(364);
      }
    }
  });

  it('never repeats an hourly instant and skips the nonexistent hour without doubling', () => {
    const spring = between('0 * * * *', 'America/New_York', '2025-03-09T04:30:00Z', '2025-03-09T09:30:00Z');
    expect(spring.map((i) => localParts(Date.parse(i), 'America/New_York').hour)).toEqual([0, 1, 3, 4, 5]);
    const fall = between('0 * * * *', 'America/New_York', '2025-11-02T03:30:00Z', '2025-11-02T08:30:00Z');
    expect(new Set(fall).size).toBe(fall.length);
  });

  it('next and previous are inverse around a scheduled instant', () => {
    const spec = parseCron('0 8 * * 1-5');
    const at = new Date('2025-06-06T06:00:00Z'); // Friday 08:00 Berlin
    expect(previousOccurrence(spec, 'Europe/Berlin', at)?.toISOString()).toBe(at.toISOString());
    expect(nextOccurrence(spec, 'Europe/Berlin', at)?.toISOString()).toBe('2025-06-09T06:00:00.000Z'); // Monday
    expect(previousOccurrence(spec, 'Europe/Berlin', new Date(at.getTime() - 1))?.toISOString()).toBe(
      '2025-06-05T06:00:00.000Z',
    );
  });

  it('supports seconds, L and leap days', () => {
    expect(between('*/20 * * * * *', 'UTC', '2025-01-01T00:00:00Z', '2025-01-01T00:01:00Z')).toHaveLength(3);
    expect(between('0 9 L * *', 'UTC', '2024-01-15T00:00:00Z', '2024-03-15T00:00:00Z')).toEqual([
      '2024-01-31T09:00:00.000Z',
      '2024-02-29T09:00:00.000Z',
    ]);
    expect(nextOccurrence(parseCron('0 0 29 2 *'), 'UTC', new Date('2024-03-01T00:00:00Z'))?.toISOString()).toBe(
      '2028-02-29T00:00:00.000Z',
    );
  });

  it('rejects a bad expression with the reason and the expected form', () => {
    expect(() => parseCron('0 25 * * *')).toThrow(/hour.*use 5 fields/);
  });
});
