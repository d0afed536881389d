/** The Genesys permissions the users pages need. */
export const VIEW_USERS = 'directory:user:view';
export const REVOKE_TOKENS = 'oauth:token:delete';
