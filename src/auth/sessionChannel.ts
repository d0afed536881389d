import type { Session } from './session.ts';

/**
 * Signing out in one tab signs out the other tabs of this browser at once. The tabs tell each
 * other over a BroadcastChannel (same origin only), naming the token by a fingerprint, never
 * the token itself: a tab holding the same token (a duplicated tab) only has to stop; a tab with
 * a token of its own deletes it too.
 */
export interface SessionChannel {
  signedOut(session: Session): void;
  close(): void;
}

interface Message {
  type: 'signed-out';
  token: string;
}

const CHANNEL = 'token-admin-session';

/** SHA-256 of the token, hex: enough to tell tokens apart, useless to anyone who reads it. */
export async function fingerprint(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function openSessionChannel(
  onSignedOutElsewhere: (sameToken: boolean) => void,
  current: () => Session | undefined,
  name = CHANNEL,
): SessionChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(name);
  (channel as { unref?: () => void }).unref?.();
  channel.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as Message | null;
    const mine = current();
    if (message?.type !== 'signed-out' || !mine) return;
    void fingerprint(mine.accessToken).then((token) => onSignedOutElsewhere(token === message.token));
  });
  return {
    signedOut: (session) => {
      void fingerprint(session.accessToken).then((token) => channel.postMessage({ type: 'signed-out', token } satisfies Message));
    },
    close: () => channel.close(),
  };
}
