import '../../ui/styles/pages.ts';
import { IdleTimeoutPage } from './IdleTimeoutPage.tsx';

/** Loaded when /settings/idle-timeout is first visited. */
export const Component = IdleTimeoutPage;
