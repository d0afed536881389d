/**
 * The classes of a page's title and lead (src/ui/heading.css, on every first load): plain
 * names, not a CSS module's, because the boot module's first look draws them too, before the
 * page's code has arrived, and the page's render must land on them at the same size.
 */
export const PAGE_HEADING = {
  title: 'token-admin-page-title',
  titleRow: 'token-admin-page-title-row',
  lead: 'token-admin-page-lead',
} as const;
