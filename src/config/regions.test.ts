import { getEnvironments, parse } from 'genesys-cloud-service-discovery-web';
import { describe, expect, it } from 'vitest';
import { GENESYS_ENVIRONMENTS } from './environments.ts';
import { findRegion } from './regions.ts';

describe('the Genesys region list', () => {
  it('is the one genesys-cloud-service-discovery-web publishes', () => {
    const published = getEnvironments().map(({ name, region, publicDomainName, publicDomainAliases }) => ({
      name,
      region,
      publicDomainName,
      publicDomainAliases,
    }));
    expect(GENESYS_ENVIRONMENTS).toEqual(published);
  });

  it('maps a Genesys URL to a region exactly as the package does, and nothing else', () => {
    const urls = [
      ...getEnvironments().flatMap((e) => [`https://apps.${e.publicDomainName}`, `https://login.${e.publicDomainName}/x`, `https://${e.publicDomainName}`]),
      'https://apps.inindca.com',
      'https://mypurecloud.ie.evil.example',
      'https://evilmypurecloud.ie',
      'https://apps.mypurecloud.ie:8443',
    ];
    for (const url of urls) {
      expect(findRegion(url)?.name, url).toBe(parse(url)?.name);
    }
  });
});
