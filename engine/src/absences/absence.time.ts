/**
 * Moments of an absence. People give them as wall-clock date-times in the administration's time
 * zone (a `datetime-local` input: `2026-03-02T08:30`); an instant with its offset (`…Z`,
 * `…+01:00`) is taken as it is. Returns null for a date that does not exist (`2026-02-30T10:00`).
 */
export function momentIn(text: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '0', ms = '0', offset] = match;
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, '0'))] as const;
  const wall = Date.UTC(...fields);
  const check = new Date(wall);
  // Date.UTC rolls 30 February over to March: such a date does not exist
  if (check.getUTCMonth() !== fields[1] || check.getUTCDate() !== fields[2] || fields[3] > 23 || fields[4] > 59 || fields[5] > 59) return null;
  if (offset) {
    if (offset === 'Z') return check;
    const sign = offset.startsWith('-') ? -1 : 1;
    const [oh, om] = offset.slice(1).split(':').map(Number) as [number, number];
    return new Date(wall - sign * (oh * 60 + om) * 60_000);
  }
  // the zone's offset near that moment, applied twice so that a change of offset (summer time) is met
  let instant = wall - offsetOf(wall, timeZone);
  instant = wall - offsetOf(instant, timeZone);
  return new Date(instant);
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
function offsetOf(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}
