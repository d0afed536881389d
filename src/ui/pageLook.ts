/** A part of a page's lead: words, or a moment shown relative to now ("in 30 minutes"). */
export type LeadPart = string | { at: number };

/**
 * What a page's heading says once its data is in. The page draws it, and so does the boot
 * module's first look (src/boot/firstLook.ts) while the page's code is still on its way: one
 * function per page words it for both, so the two cannot drift apart.
 */
export interface PageLook {
  title: string;
  lead: readonly LeadPart[];
}
