import type { ReactNode, Ref } from 'react';
import { PAGE_HEADING as classes } from './headingClasses.ts';
import type { LeadPart } from './pageLook.ts';
import { RelativeTime } from './RelativeTime.tsx';

/**
 * A page's h1 and the line under it. `withData` marks a lead that carries the page's data (a
 * PageLook's), as the boot module's first look marks its own: what `npm run bench` times.
 */
export function PageHeading({
  title,
  lead,
  withData = false,
  headingRef,
  beside,
}: {
  title: ReactNode;
  lead: ReactNode;
  withData?: boolean;
  /** Focusable from script (tabIndex -1) when given: the page moves focus to its heading. */
  headingRef?: Ref<HTMLHeadingElement>;
  /** Beside the title, on its line (a badge). */
  beside?: ReactNode;
}) {
  const heading = (
    <h1 className={classes.title} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
      {title}
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
      <p className={classes.lead} data-page-data={withData ? '' : undefined}>
        {lead}
      </p>
    </div>
  );
}

/** A PageLook's lead, its moments kept live. */
export function LeadParts({ parts }: { parts: readonly LeadPart[] }) {
  return parts.map((part, index) => (typeof part === 'string' ? part : <RelativeTime key={index} value={part.at} />));
}
