import { useEffect, useState } from 'react';
import { Hint } from './Hint.tsx';

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

/** [unit, its size in seconds, the smallest span shown in it]: "in 36 hours" reads better than "in 1 day". */
const UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  ['day', 86_400, 2 * 86_400],
  ['hour', 3_600, 3_600],
  ['minute', 60, 60],
];

export function formatRelative(target: number, now: number): string {
  const seconds = Math.round((target - now) / 1000);
  for (const [unit, size, from] of UNITS) {
    if (Math.abs(seconds) >= from) return relative.format(Math.trunc(seconds / size), unit);
  }
  return relative.format(seconds, 'second');
}

function formatExact(value: number): string {
  return exact.format(value);
}

/** The current time, ticking every second while `target` is near and every 15 s otherwise. */
function useNow(target: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setTimeout(() => setNow(Date.now()), Math.abs(target - now) < 120_000 ? 1_000 : 15_000);
    return () => clearTimeout(timer);
  }, [target, now]);
  return now;
}

/** "in 29 minutes", kept live, with the exact time on hover or keyboard focus. */
export function RelativeTime({ value }: { value: string | number }) {
  const time = typeof value === 'number' ? value : Date.parse(value);
  const now = useNow(time);
  if (Number.isNaN(time)) return <span>unknown</span>;
  const iso = new Date(time).toISOString();
  return (
    <Hint label={formatExact(time)}>
      {/* Focusable so keyboard users can open the exact-time tooltip too. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <time dateTime={iso} tabIndex={0} style={{ textDecoration: 'underline dotted', cursor: 'help' }}>
        {formatRelative(time, now)}
      </time>
    </Hint>
  );
}
