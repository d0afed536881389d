import { PAGE_HEADING } from '../ui/headingClasses.ts';
import type { PageLook } from '../ui/pageLook.ts';
import { formatRelative } from '../ui/formatRelative.ts';

/** index.html's loading line (app/loading.css): the only thing the first look may replace. */
const LOADING_CLASS = 'token-admin-loading';
/** The first look's frame, styled in app/loading.css. */
const FRAME_CLASS = 'token-admin-first-look';

function element(doc: Document, tag: string, className: string | undefined, ...children: (Node | string)[]) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

/**
 * The first look: the page's heading with its data (a PageLook), drawn in plain DOM while the
 * rest of the bundle is still downloading, where the page will draw it: under a header bar like
 * the shell's, with the page heading's own classes. The app's first render replaces it (React
 * clears #root) and lands on the same heading at the same size. Only index.html's loading line
 * is ever replaced: once the app has rendered, this does nothing. Every word goes in as text,
 * never as HTML. True when it drew.
 */
export function paintFirstLook(doc: Document, look: PageLook, now: number): boolean {
  const root = doc.getElementById('root');
  if (root?.childElementCount !== 1 || !root.firstElementChild?.classList.contains(LOADING_CLASS)) return false;
  const lead = element(
    doc,
    'p',
    PAGE_HEADING.lead,
    // One run of text: the page's own lead puts its times in <time> elements with a tooltip.
    look.lead.map((part) => (typeof part === 'string' ? part : formatRelative(part.at, now))).join(''),
    ' ',
    // In the lead's run of text, so that the lead is the largest text drawn until the page's
    // render replaces it with its own, the same but for this: the page's largest paint.
    element(doc, 'span', `${FRAME_CLASS}-status`, 'Loading the rest of the page…'),
  );
  lead.dataset.pageData = '';
  lead.lastElementChild?.setAttribute('role', 'status');
  const main = element(
    doc,
    'main',
    `${FRAME_CLASS}-main`,
    element(doc, 'div', undefined, element(doc, 'h1', PAGE_HEADING.title, look.title), lead),
    // As the loading line does (app/loading.css): a script that never arrives is not left unexplained.
    element(doc, 'p', `${LOADING_CLASS}-slow`, 'Still loading? Check your connection, then reload the page.'),
  );
  const frame = element(doc, 'div', FRAME_CLASS, element(doc, 'header', `${FRAME_CLASS}-header`, element(doc, 'span', `${FRAME_CLASS}-brand`, 'Token Admin')), main);
  frame.dataset.firstLook = '';
  root.replaceChildren(frame);
  return true;
}
