import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/Popover.css';
import '@mantine/core/styles/ScrollArea.css';
import { Alert, Anchor, Button, Center, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useLoaderData } from 'react-router';
import { REGIONS, findRegion } from '../config/regions.ts';
import { rememberRegion } from './signIn.ts';
import { startSignIn, type SignInContext, type SignInData } from './signInStart.ts';

/** The sign-in screen: loaded only when a visitor has to see it (the region picker, signed out). */

const REGION_OPTIONS = REGIONS.map((r) => ({ value: r.domain, label: `${r.label} — ${r.domain}` }));

export function SignInPage({ context }: { context: SignInContext }) {
  const data = useLoaderData<SignInData>();
  const [regionDomain, setRegionDomain] = useState<string | null>(data.region?.domain ?? null);
  const [regionError, setRegionError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState(data.startError);

  const start = async () => {
    const region = findRegion(regionDomain);
    if (!region) {
      setRegionError('Choose the region your Genesys Cloud organisation is in.');
      return;
    }
    setStarting(true);
    setStartError(undefined);
    rememberRegion(region);
    const { startError: failed } = await startSignIn(context, region, data.returnTo);
    if (failed) {
      setStarting(false);
      setStartError(failed);
    }
  };

  return (
    <Center component="main" mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" maw={480} w="100%">
        <Stack>
          <div>
            <Title order={1} size="h2">
              Token Admin
            </Title>
            <Text c="dimmed">See and control your Genesys Cloud organisation&apos;s OAuth tokens.</Text>
          </div>
          {data.reason === 'signed-out' && (
            <Alert color="teal" icon={<IconInfoCircle aria-hidden />} title="You are signed out">
              Your token was deleted at Genesys Cloud and forgotten by this browser.
            </Alert>
          )}
          {data.authorizeUrl ? (
            <Stack align="center" gap="xs" role="status">
              <Loader size="sm" aria-hidden />
              <Text>Taking you to Genesys Cloud sign-in…</Text>
              <Anchor href={data.authorizeUrl}>Continue to sign-in</Anchor>
            </Stack>
          ) : (
            <>
              {data.regionFixed && data.region ? (
                <Text size="sm">
                  Region: <strong>{data.region.label}</strong> ({data.region.domain})
                </Text>
              ) : (
                <Select
                  label="Region"
                  description="Where your Genesys Cloud organisation lives (the address you sign in at)."
                  placeholder="Choose a region"
                  data={REGION_OPTIONS}
                  value={regionDomain}
                  onChange={(value) => {
                    setRegionDomain(value);
                    setRegionError(null);
                  }}
                  error={regionError}
                  searchable
                  required
                />
              )}
              {startError && (
                <Alert color="red" role="alert" title="Sign-in could not start">
                  {startError}
                </Alert>
              )}
              <Button onClick={() => void start()} loading={starting}>
                Sign in with Genesys Cloud
              </Button>
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
