import { TokenPage } from './TokenPage.tsx';

/** Loaded when /token is first visited. */
export const Component = TokenPage;
