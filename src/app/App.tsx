import './styles.ts';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { RouterProvider } from 'react-router';
import { ApiContext } from '../api/api.ts';
import { AuthContext } from '../auth/sessionControl.ts';
import { JobsContext } from '../jobs/context.ts';
import { JournalContext, useJournalRefresh } from '../journal/hooks.ts';
import { NotificationsOutlet, NotifierContext } from '../ui/notify.tsx';
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
      {children}
    </MantineProvider>
  );
}

function JournalRefresh({ app }: { app: AppInstance }) {
  useJournalRefresh(app.journal);
  return null;
}

/** The app instance reaches every layer through its own context: api, session, notifications, journal. */
export function App({ app }: { app: AppInstance }) {
  const auth = useMemo(() => ({ session: app.sessionStore, control: app.session }), [app]);
  return (
    <ThemeProviders>
      <NotificationsOutlet notifier={app.notifier} />
      <QueryClientProvider client={app.queryClient}>
        <ApiContext.Provider value={app.api}>
          <AuthContext.Provider value={auth}>
            <NotifierContext.Provider value={app.notifier}>
              <JournalContext.Provider value={app.journal}>
                <JobsContext.Provider value={app.jobs}>
                  <JournalRefresh app={app} />
                  <RouterProvider router={app.router} />
                </JobsContext.Provider>
              </JournalContext.Provider>
            </NotifierContext.Provider>
          </AuthContext.Provider>
        </ApiContext.Provider>
        <Suspense fallback={null}>
          <ReactQueryDevtools buttonPosition="bottom-left" />
        </Suspense>
      </QueryClientProvider>
    </ThemeProviders>
  );
}
