import { QueryClient } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ADMIN } from '../../emulator/seed.ts';
import { renderApp } from '../../test/renderApp.tsx';
import type { EarlyAnswer, EarlyRead } from '../api/earlyReads.ts';
import type { AppRouter } from './createApp.tsx';
import { firstPageReady } from './firstPage.ts';

function answered(status: number): EarlyRead {
  const answer: EarlyAnswer = { status, statusText: '', headers: new Headers(), body: '{}', sentAt: 0, receivedAt: 0 };
  return { url: 'https://api.mypurecloud.com/api/v2/tokens/me', token: 't', answer: Promise.resolve(answer) };
}
const never: EarlyRead = { url: 'https://api.mypurecloud.com/api/v2/users/me', token: 't', answer: new Promise(() => undefined) };

/** A router whose first navigation ends when the test says. */
function fakeRouter() {
  const listeners = new Set<(state: { initialized: boolean }) => void>();
  const router = {
    state: { initialized: false },
    subscribe(listener: (state: { initialized: boolean }) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const initialize = () => {
    router.state = { initialized: true };
    for (const listener of [...listeners]) listener(router.state);
  };
  return { router: router as unknown as AppRouter, initialize };
}

/** A query in flight until `finish` is called. */
function queryInFlight(queryClient: QueryClient) {
  let finish: () => void = () => undefined;
  void queryClient.query({ queryKey: ['in-flight'], queryFn: () => new Promise<string>((resolve) => (finish = () => resolve('done'))) });
  return () => finish();
}

/** Whether `promise` has settled once everything already queued has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe('when the first render happens', () => {
  it('without early reads (signing in, the callback, no session): at once, whatever the router is doing', async () => {
    const { router } = fakeRouter();
    expect(await settled(firstPageReady({ router, queryClient: new QueryClient() }, [], new Promise(() => undefined)))).toBe(true);
  });

  it('with every early answer a success: once the router has the page and its queries have taken the answers', async () => {
    const { router, initialize } = fakeRouter();
    const queryClient = new QueryClient();
    const finish = queryInFlight(queryClient);
    const ready = firstPageReady({ router, queryClient }, [answered(200)], new Promise(() => undefined));
    expect(await settled(ready)).toBe(false);
    initialize();
    // The router has the page, but its read is still being taken.
    expect(await settled(ready)).toBe(false);
    finish();
    expect(await settled(ready)).toBe(true);
  });

  it('with a failed early answer: at once, even before the router has the page, leaving the retry or the session-ended page to it', async () => {
    const { router } = fakeRouter();
    const queryClient = new QueryClient();
    queryInFlight(queryClient);
    const ready = firstPageReady({ router, queryClient }, [answered(500), never], new Promise(() => undefined));
    expect(await settled(ready)).toBe(true);
  });

  it('with the answers in but a query still under way when the wait is over: at once', async () => {
    const { router, initialize } = fakeRouter();
    const queryClient = new QueryClient();
    queryInFlight(queryClient);
    let over: () => void = () => undefined;
    const ready = firstPageReady({ router, queryClient }, [answered(200)], new Promise<void>((resolve) => (over = resolve)));
    initialize();
    expect(await settled(ready)).toBe(false);
    over();
    expect(await settled(ready)).toBe(true);
  });

  it('with an answer still on its way when the wait is over: at once, the page shows its own progress', async () => {
    const { router } = fakeRouter();
    let over: () => void = () => undefined;
    const ready = firstPageReady({ router, queryClient: new QueryClient() }, [answered(200), never], new Promise<void>((resolve) => (over = resolve)));
    expect(await settled(ready)).toBe(false);
    over();
    expect(await settled(ready)).toBe(true);
  });
});

describe('a first visit whose early answers are in', () => {
  it("draws the token's details in the very first render: no loader, no skeleton", async () => {
    await renderApp({ email: ADMIN.email, boot: true, firstPage: true });
    // Synchronously after the first render, not found by waiting.
    expect(screen.getByRole('region', { name: 'OAuth client' })).toHaveTextContent('Token Admin (local)');
    expect(screen.queryByText('Loading Token Admin…')).toBeNull();
    expect(screen.getByTestId('acting-as')).toHaveTextContent(ADMIN.name);
  });

  it('rendered at once instead (as before), the first render has only the loader', async () => {
    await renderApp({ email: ADMIN.email, boot: true });
    expect(screen.queryByRole('region', { name: 'OAuth client' })).toBeNull();
    expect(await screen.findByRole('region', { name: 'OAuth client' })).toBeInTheDocument();
  });
});
