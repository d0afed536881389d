import type { AppConfig } from '../config/config.ts';
import { endpointsFor } from '../config/config.ts';
import { findRegion } from '../config/regions.ts';

/** The login host's `/logout`, when the deployment also ends the Genesys Cloud web session. */
export function genesysLogoutUrl(config: AppConfig, environment: string, returnUrl: string): string | undefined {
  const region = findRegion(environment);
  if (!config.signOutOfGenesys || !region) return undefined;
  const url = new URL(`${endpointsFor(config, region).loginBaseUrl}/logout`);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', returnUrl);
  return url.toString();
}
