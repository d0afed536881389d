import { Alert, Code, Container, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ConfigError } from '../config/config.ts';

/** Shown instead of the app when config.json is missing or wrong: each problem and how to fix it. */
export function ConfigErrorPage({ error }: { error: unknown }) {
  const problems =
    error instanceof ConfigError
      ? error.problems
      : [{ key: '', message: `could not be read (${error instanceof Error ? error.message : String(error)}). Reload; if it persists, tell whoever deployed the app.` }];
  const source = error instanceof ConfigError ? error.source : 'config.json';
  return (
    <Container component="main" size="sm" py="xl">
      <Stack>
        <Title order={1}>Token Admin is not configured correctly</Title>
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={`Problems in ${source}`} role="alert">
          <List spacing="xs">
            {problems.map((problem, index) => (
              <List.Item key={`${problem.key}-${index}`}>
                {problem.key ? (
                  <>
                    <Code>{problem.key}</Code> {problem.message}
                  </>
                ) : (
                  <>The file {problem.message}</>
                )}
              </List.Item>
            ))}
          </List>
        </Alert>
        <Text>
          Whoever deployed this app can fix it by editing <Code>config.json</Code> beside <Code>index.html</Code> and
          reloading. The README lists every setting; a minimal file is:
        </Text>
        <Code block>{`{
  "clientId": "<your OAuth client id>",
  "environment": "mypurecloud.ie"
}`}</Code>
      </Stack>
    </Container>
  );
}
