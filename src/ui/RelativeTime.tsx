import { useEffect, useState } from 'react';
import { Hint } from './Hint.tsx';
import { formatRelative } from './formatRelative.ts';

const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

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
