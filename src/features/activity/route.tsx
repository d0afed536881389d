import '../../ui/styles/pages.ts';
import { ActivityPage } from './ActivityPage.tsx';

/** Loaded when /activity is first visited. */
export const Component = ActivityPage;
