import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { RouterProvider } from 'react-router';
import type { AppInstance } from './createApp.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

const ReactQueryDevtools = import.meta.env.DEV
  ? lazy(() => import('@tanstack/react-query-devtools').then((m) => ({ default: m.ReactQueryDevtools })))
  : () => null;

export function ThemeProviders({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" />
      {children}
    </MantineProvider>
  );
}

export function App({ app }: { app: AppInstance }) {
  return (
    <ThemeProviders>
      <QueryClientProvider client={app.queryClient}>
        <ModalsProvider>
          <RouterProvider router={app.router} />
        </ModalsProvider>
        <Suspense fallback={null}>
          <ReactQueryDevtools buttonPosition="bottom-left" />
        </Suspense>
      </QueryClientProvider>
    </ThemeProviders>
  );
}
