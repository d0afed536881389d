/**
 * The stable Genesys Cloud regions, as genesys-cloud-service-discovery-web lists them
 * (getEnvironments()). Copied rather than imported: the package and its URL parser would be
 * about 4 KB of every first load. regions.test.ts fails when the package says otherwise;
 * after upgrading it, paste its list here again.
 */
export const GENESYS_ENVIRONMENTS: readonly { name: string; region: string; publicDomainName: string; publicDomainAliases: readonly string[] }[] = [
  { name: 'fedramp-use2-core', region: 'us-east-2', publicDomainName: 'use2.us-gov-pure.cloud', publicDomainAliases: [] },
  { name: 'prod', region: 'us-east-1', publicDomainName: 'mypurecloud.com', publicDomainAliases: [] },
  { name: 'prod-apne1', region: 'ap-northeast-1', publicDomainName: 'mypurecloud.jp', publicDomainAliases: [] },
  { name: 'prod-apne2', region: 'ap-northeast-2', publicDomainName: 'apne2.pure.cloud', publicDomainAliases: [] },
  { name: 'prod-apne3', region: 'ap-northeast-3', publicDomainName: 'apne3.pure.cloud', publicDomainAliases: [] },
  { name: 'prod-aps1', region: 'ap-south-1', publicDomainName: 'aps1.pure.cloud', publicDomainAliases: [] },
  { name: 'prod-apse1', region: 'ap-southeast-1', publicDomainName: 'apse1.pure.cloud', publicDomainAliases: [] },
  { name: 'prod-apse2', region: 'ap-southeast-2', publicDomainName: 'mypurecloud.com.au', publicDomainAliases: [] },
  { name: 'prod-cac1', region: 'ca-central-1', publicDomainName: 'cac1.pure.cloud', publicDomainAliases: [] },
  { name: 'prod-euc1', region: 'eu-central-1', publicDomainName: 'mypurecloud.de', publicDomainAliases: [] },
  { name: 'prod-euc2', region: 'eu-central-2', publicDomainName: 'euc2.pure.cloud', publicDomainAliases: [] },
  { name: 'prod-euw1', region: 'eu-west-1', publicDomainName: 'mypurecloud.ie', publicDomainAliases: [] },
  { name: 'prod-euw2', region: 'eu-west-2', publicDomainName: 'euw2.pure.cloud', publicDomainAliases: [] },
  { name: 'prod-mec1', region: 'me-central-1', publicDomainName: 'mec1.pure.cloud', publicDomainAliases: [] },
  { name: 'prod-mxc1', region: 'mx-central-1', publicDomainName: 'mxc1.pure.cloud', publicDomainAliases: [] },
  { name: 'prod-sae1', region: 'sa-east-1', publicDomainName: 'sae1.pure.cloud', publicDomainAliases: [] },
  { name: 'prod-usw2', region: 'us-west-2', publicDomainName: 'usw2.pure.cloud', publicDomainAliases: [] },
];
