import '../../ui/styles/pages.ts';
// Lays out a Switch's or Checkbox's label beside it; the shared page styles leave it out.
import '@mantine/core/styles/InlineInput.css';
import { IdleTimeoutPage } from './IdleTimeoutPage.tsx';

/** Loaded when /settings/idle-timeout is first visited. */
export const Component = IdleTimeoutPage;
