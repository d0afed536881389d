/** Keyed by string: Genesys may add grant types this app does not know yet. */
export const GRANT_TYPE_LABELS: Partial<Record<string, string>> = {
  CODE: 'Authorization code',
  TOKEN: 'Implicit grant',
  'SAML2-BEARER': 'SAML2 bearer',
  PASSWORD: 'Resource owner password',
  'CLIENT-CREDENTIALS': 'Client credentials',
};
