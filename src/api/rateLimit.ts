import { useSyncExternalStore } from 'react';

/** A request that Genesys Cloud rate limited and that request() is waiting to send again. */
export interface RateLimitWait {
  id: number;
  method: string;
  path: string;
  /** Epoch ms when the request is sent again. */
  until: number;
  /** How long Genesys asked to wait. */
  seconds: number;
}

let nextId = 1;
let waits: readonly RateLimitWait[] = [];
const listeners = new Set<() => void>();

function publish(next: readonly RateLimitWait[]) {
  waits = next;
  for (const listener of listeners) listener();
}

/** Records a wait; returns the function that ends it. */
export function startRateLimitWait(method: string, path: string, seconds: number): () => void {
  const wait = { id: nextId++, method, path, until: Date.now() + seconds * 1000, seconds };
  publish([...waits, wait]);
  return () => publish(waits.filter((w) => w !== wait));
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentRateLimitWaits(): readonly RateLimitWait[] {
  return waits;
}

/** The rate-limit waits under way, kept current. */
export function useRateLimitWaits(): readonly RateLimitWait[] {
  return useSyncExternalStore(subscribe, currentRateLimitWaits);
}
