import type { ReactNode, Ref } from 'react';
import { PAGE_HEADING as classes } from './headingClasses.ts';
import type { PageLook } from './pageLook.ts';
import { RelativeTime } from './RelativeTime.tsx';

/**
 * A page's h1 and the line under it: a PageLook once the page's data is in (its lead marked
 * `data-page-data`, as the boot module's first look marks its own: what `npm run bench`
 * times), else a title and a lead of plain words.
 */
export function PageHeading({
  look,
  title,
  lead,
  headingRef,
  beside,
}: {
  look?: PageLook | undefined;
  /** Until there is a look. */
  title?: ReactNode;
  lead?: ReactNode;
  /** Focusable from script (tabIndex -1) when given: the page moves focus to its heading. */
  headingRef?: Ref<HTMLHeadingElement>;
  /** Beside the title, on its line (a badge). */
  beside?: ReactNode;
}) {
  const heading = (
    <h1 className={classes.title} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
      {look ? look.title : title}
    </h1>
  );
  return (
    <div>
      {beside ? (
        <div className={classes.titleRow}>
          {heading}
          {beside}
        </div>
      ) : (
        heading
      )}
      <p className={classes.lead} data-page-data={look ? '' : undefined}>
        {/* Its moments kept live. */}
        {look ? look.lead.map((part, index) => (typeof part === 'string' ? part : <RelativeTime key={index} value={part.at} />)) : lead}
      </p>
    </div>
  );
}
