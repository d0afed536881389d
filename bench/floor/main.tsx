/**
 * The floor the token page is measured against: the same libraries (React, React Router,
 * TanStack Query, Mantine's AppShell and styles) showing one title and one fetched JSON file,
 * and nothing else. The app cannot load faster than this with these libraries.
 */
import '@mantine/core/styles.css';
import { AppShell, MantineProvider, Text, Title } from '@mantine/core';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, createBrowserRouter } from 'react-router';

interface FloorData {
  message: string;
}

async function fetchData(): Promise<FloorData> {
  const response = await fetch(`${import.meta.env.BASE_URL}data.json`);
  if (!response.ok) throw new Error(`data.json answered ${String(response.status)}`);
  return (await response.json()) as FloorData;
}

function Home() {
  const data = useQuery({ queryKey: ['floor'], queryFn: fetchData });
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header px="md">
        <Title order={1} size="h3" lh="56px">
          Floor
        </Title>
      </AppShell.Header>
      <AppShell.Main>
        {data.data && (
          <section aria-label="Floor data">
            <Text>{data.data.message}</Text>
          </section>
        )}
      </AppShell.Main>
    </AppShell>
  );
}

const router = createBrowserRouter([{ path: '*', element: <Home /> }]);
const queryClient = new QueryClient();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
