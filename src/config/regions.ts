import { GENESYS_ENVIRONMENTS } from './environments.ts';

export interface Region {
  /** Region domain, e.g. `mypurecloud.ie`: the `environment` of the API and login hosts. */
  domain: string;
  /** Deployment name, e.g. `prod-euw1` (what `gcTargetEnv` carries). */
  name: string;
  /** A label an admin recognises, e.g. `EMEA (Dublin)`. */
  label: string;
}

const LABELS: Record<string, string> = {
  'us-east-1': 'Americas (US East)',
  'us-east-2': 'Americas (US East, FedRAMP)',
  'us-west-2': 'Americas (US West)',
  'ca-central-1': 'Americas (Canada)',
  'sa-east-1': 'Americas (São Paulo)',
  'mx-central-1': 'Americas (Mexico)',
  'eu-west-1': 'EMEA (Dublin)',
  'eu-west-2': 'EMEA (London)',
  'eu-central-1': 'EMEA (Frankfurt)',
  'eu-central-2': 'EMEA (Zurich)',
  'me-central-1': 'EMEA (UAE)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
  'ap-northeast-2': 'Asia Pacific (Seoul)',
  'ap-northeast-3': 'Asia Pacific (Osaka)',
  'ap-south-1': 'Asia Pacific (Mumbai)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
};

/** Known to the official SDK but missing from the service-discovery package. */
const EXTRA_REGIONS: Region[] = [{ domain: 'edee1.eusc-pure.cloud', name: 'eusc-edee1', label: 'EU Sovereign Cloud' }];

export const REGIONS: readonly Region[] = [
  ...GENESYS_ENVIRONMENTS.map((env) => ({
    domain: env.publicDomainName,
    name: env.name,
    label: LABELS[env.region] ?? env.region,
  })),
  ...EXTRA_REGIONS,
  // By code unit, not localeCompare: the first compare builds a collator, some 60 ms of a slow
  // phone's CPU on every page load. (It also puts "US East" before "US East, FedRAMP".)
].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));

/**
 * Finds a known region from a domain (`mypurecloud.ie`), a deployment name (`prod-euw1`) or a
 * Genesys URL (`https://apps.mypurecloud.ie`). Anything else is unknown: a token is never sent there.
 */
export function findRegion(value: string | null | undefined): Region | undefined {
  const candidate = value?.trim().toLowerCase();
  if (!candidate) return undefined;
  const direct = REGIONS.find((r) => r.domain === candidate || r.name === candidate);
  if (direct) return direct;
  if (!candidate.startsWith('https://')) return undefined;
  let hostname: string;
  try {
    hostname = new URL(candidate).hostname;
  } catch {
    return undefined;
  }
  // As the service-discovery package's parse(): the host is a region's domain or one under it.
  const env = GENESYS_ENVIRONMENTS.find((e) =>
    [e.publicDomainName, ...e.publicDomainAliases].some((domain) => hostname === domain || hostname.endsWith(`.${domain}`)),
  );
  return env ? REGIONS.find((r) => r.name === env.name) : undefined;
}

/** The region a portal link names: `?environment=`, `?gcTargetEnv=`, `?pcEnvironment=` or `?gcHostOrigin=`. */
export function regionFromSearch(search: URLSearchParams): Region | undefined {
  for (const key of ['environment', 'gcTargetEnv', 'pcEnvironment', 'gcHostOrigin']) {
    const region = findRegion(search.get(key));
    if (region) return region;
  }
  return undefined;
}
