import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { paths } from '../paths.ts';

export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  return (
    <Center component="main" mih="60vh" p="md">
      <Paper withBorder p="xl" radius="md" maw={560} w="100%">
        <Stack>
          <Title order={1} size="h2">
            Something went wrong
          </Title>
          <ErrorAlert title="This page could not be shown" error={isRouteErrorResponse(error) ? new Error(error.statusText) : error} />
          <Button component={Link} to={paths.token.href()} variant="default">
            Go to my token
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}

export function NotFound() {
  return (
    <Stack gap="md" py="xl">
      <Title order={1}>Page not found</Title>
      <Text>There is no page at this address. It may have moved, or the link may be mistyped.</Text>
      <div>
        <Button component={Link} to={paths.token.href()}>
          Go to my token
        </Button>
      </div>
    </Stack>
  );
}

export function FullPageLoader() {
  return (
    <Center component="main" mih="100vh" role="status">
      <Text c="dimmed">Loading Token Admin…</Text>
    </Center>
  );
}
