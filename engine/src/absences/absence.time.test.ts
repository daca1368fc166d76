import { describe, expect, it } from '@jest/globals';
import { statusOf } from './absence.service.js';
import { momentIn } from './absence.time.js';

describe('the moments of an absence', () => {
  it('reads a wall-clock date-time in the administration’s time zone', () => {
    // Tunis is UTC+1 all year
    expect(momentIn('2026-03-02T08:30', 'Africa/Tunis')?.toISOString()).toBe('2026-03-02T07:30:00.000Z');
    // Paris changes to summer time on 29 March 2026: UTC+1 before, UTC+2 after
    expect(momentIn('2026-03-28T12:00', 'Europe/Paris')?.toISOString()).toBe('2026-03-28T11:00:00.000Z');
    expect(momentIn('2026-03-30T12:00', 'Europe/Paris')?.toISOString()).toBe('2026-03-30T10:00:00.000Z');
    expect(momentIn('2026-07-01T00:00:30', 'UTC')?.toISOString()).toBe('2026-07-01T00:00:30.000Z');
  });

  it('takes an instant with its offset as it is', () => {
    expect(momentIn('2026-03-02T08:30:00.000Z', 'Africa/Tunis')?.toISOString()).toBe('2026-03-02T08:30:00.000Z');
    expect(momentIn('2026-03-02T08:30+03:00', 'Africa/Tunis')?.toISOString()).toBe('2026-03-02T05:30:00.000Z');
  });

  it('refuses dates that do not exist and text that is not a date', () => {
    for (const text of ['2026-02-30T08:00', '2026-13-01T08:00', '2026-01-01T24:00', '2026-01-01T10:60', 'tomorrow', '2026-01-01']) expect(momentIn(text, 'Africa/Tunis')).toBeNull();
  });

  it('tells upcoming, current, ended and cancelled absences apart', () => {
    const from = new Date('2026-03-02T08:00:00Z');
    const to = new Date('2026-03-02T17:00:00Z');
    const at = (iso: string) => new Date(iso);
    expect(statusOf({ from, to, endedAt: null }, at('2026-03-02T07:00:00Z'))).toBe('upcoming');
    expect(statusOf({ from, to, endedAt: null }, at('2026-03-02T08:00:00Z'))).toBe('current');
    expect(statusOf({ from, to, endedAt: null }, at('2026-03-02T17:00:00Z'))).toBe('ended');
    expect(statusOf({ from, to, endedAt: at('2026-03-02T10:00:00Z') }, at('2026-03-02T11:00:00Z'))).toBe('ended');
    expect(statusOf({ from, to, endedAt: at('2026-03-02T07:00:00Z') }, at('2026-03-02T07:30:00Z'))).toBe('cancelled');
  });
});
