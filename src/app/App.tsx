import './styles.ts';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { RouterProvider } from 'react-router';
import { SessionControlContext } from '../auth/sessionControl.ts';
import { Notifier } from '../ui/notify.tsx';
import type { AppInstance } from './createApp.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

/** Opt-in (`?devtools` in the address, or VITE_DEVTOOLS=1) and only in development: it covers content. */
const showDevtools =
  import.meta.env.DEV && (import.meta.env.VITE_DEVTOOLS === '1' || new URLSearchParams(window.location.search).has('devtools'));
const ReactQueryDevtools = showDevtools
  ? lazy(() => import('@tanstack/react-query-devtools').then((m) => ({ default: m.ReactQueryDevtools })))
  : () => null;

export function ThemeProviders({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={cssVariablesResolver}>
      <Notifier />
      {children}
    </MantineProvider>
  );
}

export function App({ app }: { app: AppInstance }) {
  return (
    <ThemeProviders>
      <QueryClientProvider client={app.queryClient}>
        <SessionControlContext.Provider value={app.session}>
          <RouterProvider router={app.router} />
        </SessionControlContext.Provider>
        <Suspense fallback={null}>
          <ReactQueryDevtools buttonPosition="bottom-left" />
        </Suspense>
      </QueryClientProvider>
    </ThemeProviders>
  );
}
