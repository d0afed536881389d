import { useSyncExternalStore } from 'react';
import { useApi } from '../api/api.ts';
import { inBrowserTime } from '../api/clock.ts';
import { useIdentity } from './identity.ts';

/**
 * When this tab's token idles out, in the browser's time: Genesys gives `dateTokenIdles` in its
 * own, and the two clocks may be minutes apart (the offset is estimated from its answers).
 * Undefined while the organisation has no idle timeout, or before Genesys has said.
 */
export function useIdleDeadline(): number | undefined {
  const { token } = useIdentity();
  const { serverClock } = useApi().http;
  const offset = useSyncExternalStore(serverClock.subscribe, serverClock.snapshot);
  return inBrowserTime(token.data?.dateTokenIdles, offset);
}
