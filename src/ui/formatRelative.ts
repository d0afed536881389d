/** [unit, its size in seconds, the smallest span shown in it]: "in 36 hours" reads better than "in 1 day". */
const UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  ['day', 86_400, 2 * 86_400],
  ['hour', 3_600, 3_600],
  ['minute', 60, 60],
];

/** "in 29 minutes": a plain module, so that the boot module's first look words it as the page does. */
export function formatRelative(target: number, now: number): string {
  // Made per call, not when the module loads: the boot module must not spend loading locale
  // data before it has sent its reads (a formatter costs microseconds once the data is in).
  const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const seconds = Math.round((target - now) / 1000);
  for (const [unit, size, from] of UNITS) {
    if (Math.abs(seconds) >= from) return relative.format(Math.trunc(seconds / size), unit);
  }
  return relative.format(seconds, 'second');
}

