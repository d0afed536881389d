import '../../ui/styles/pages.ts';
import { SearchPage } from './SearchPage.tsx';

/** Loaded when /users is first visited. */
export const Component = SearchPage;
