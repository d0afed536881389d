import { Alert, Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link, replace, useLoaderData } from 'react-router';
import type { AppConfig } from '../config/config.ts';
import type { OAuthResponse } from './oauthResponse.ts';
import type { SessionStore } from './session.ts';
import { forgetSessionEnd } from './sessionEnd.ts';
import { SignInError, completeSignIn, returnPathFromState, type SignInErrorKind } from './signIn.ts';

interface CallbackFailure {
  kind: SignInErrorKind;
  message: string;
  oauthError: string | undefined;
  description: string | undefined;
  returnTo: string;
}

/**
 * Finishes sign-in with the response taken from the address bar at start-up (see
 * takeOAuthResponseFromUrl), then replaces this history entry with the return path, so Back
 * never lands on a spent callback.
 */
export function callbackLoader(config: AppConfig, sessionStore: SessionStore, takeResponse: () => OAuthResponse | undefined, fetchFn?: typeof fetch) {
  return async (): Promise<CallbackFailure | Response> => {
    const response = takeResponse();
    // A reload or Back after sign-in has nothing to finish: carry on to the app (or sign-in).
    if (!response) return replace('/');
    try {
      const { session, returnTo } = await completeSignIn(config, response, fetchFn);
      sessionStore.set(session);
      forgetSessionEnd();
      return replace(returnTo);
    } catch (error) {
      if (!(error instanceof SignInError)) throw error;
      const answer = new URLSearchParams(response.hash.replace(/^#/, '') || response.search);
      return {
        kind: error.kind,
        message: error.message,
        oauthError: error.oauthError,
        description: error.description,
        returnTo: returnPathFromState(answer.get('state')),
      };
    }
  };
}

const TITLES: Record<SignInErrorKind, string> = {
  denied: 'Sign-in cancelled',
  oauth: 'Genesys Cloud refused the sign-in',
  state: 'Sign-in refused for your security',
  exchange: 'Sign-in could not be completed',
};

export function CallbackPage({ signInHref }: { signInHref: (returnTo: string) => string }) {
  const failure = useLoaderData<CallbackFailure>();
  return (
    <Center component="main" mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" maw={520} w="100%">
        <Stack>
          <Title order={1} size="h2">
            Token Admin
          </Title>
          <Alert color="red" title={TITLES[failure.kind]} icon={<IconAlertTriangle aria-hidden />} role="alert">
            <Stack gap={4}>
              <Text size="sm">{failure.message}</Text>
              {failure.description && <Text size="sm">Genesys Cloud said: {failure.description}</Text>}
              {failure.oauthError && (
                <Text size="xs" c="dimmed">
                  Error code: <code>{failure.oauthError}</code>
                </Text>
              )}
            </Stack>
          </Alert>
          <Text size="sm">
            {failure.kind === 'oauth' || failure.kind === 'exchange'
              ? 'Try again. If it keeps failing, ask your Genesys Cloud administrator to check the OAuth client (its redirect URI and grant type) and quote the error code.'
              : 'Sign in again to continue.'}
          </Text>
          <Button component={Link} to={signInHref(failure.returnTo)}>
            Sign in again
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
