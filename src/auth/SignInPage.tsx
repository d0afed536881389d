import { Alert, Anchor, Button, Center, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { redirect, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import type { AppConfig } from '../config/config.ts';
import { REGIONS, findRegion, type Region } from '../config/regions.ts';
import { safeReturnPath } from './returnPath.ts';
import { sessionStore } from './session.ts';
import { beginSignIn, mayAutoSignIn, rememberRegion, resolveRegion, takeSignedOut } from './signIn.ts';

export interface SignInContext {
  config: AppConfig;
  redirectUri: string;
  /** Sends the browser to Genesys Cloud; replaced in tests. */
  navigateAway: (url: string) => void;
}

interface SignInData {
  returnTo: string;
  reason: string | null;
  region: Region | undefined;
  regionFixed: boolean;
  /** Set when the browser is already on its way to the authorize page. */
  authorizeUrl: string | undefined;
  startError: string | undefined;
}

/** The PKCE challenge needs Web Crypto, which browsers only offer on https:// and localhost. */
const START_FAILED =
  'Sign-in could not start in this browser: it needs a secure page (https://). Open the app over https://, or ask whoever deployed it.';

/** Sends the browser to Genesys sign-in; returns the authorize URL, or an error to show. */
interface SignInStart {
  authorizeUrl?: string;
  startError?: string;
}

async function startSignIn(context: SignInContext, region: Region, returnTo: string): Promise<SignInStart> {
  try {
    const authorizeUrl = await beginSignIn({ config: context.config, region, returnTo, redirectUri: context.redirectUri });
    context.navigateAway(authorizeUrl);
    return { authorizeUrl };
  } catch {
    return { startError: START_FAILED };
  }
}

export function signInLoader(context: SignInContext) {
  return async ({ request }: LoaderFunctionArgs): Promise<SignInData | Response> => {
    const url = new URL(request.url);
    const returnTo = safeReturnPath(url.searchParams.get('returnTo'));
    if (sessionStore.get()) return redirect(returnTo);
    const reason = takeSignedOut() ? 'signed-out' : url.searchParams.get('reason');
    const region = resolveRegion(context.config, url.searchParams);
    // Signing out lands here on purpose, so that is the one case that waits for a click.
    const started: SignInStart = region && reason !== 'signed-out' && mayAutoSignIn() ? await startSignIn(context, region, returnTo) : {};
    return {
      returnTo,
      reason,
      region,
      regionFixed: Boolean(context.config.environment),
      authorizeUrl: started.authorizeUrl,
      startError: started.startError,
    };
  };
}

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
