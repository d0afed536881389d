import '../../ui/styles/pages.ts';
import { UserPage } from './UserPage.tsx';

/** Loaded when /users/:userId is first visited. */
export const Component = UserPage;
