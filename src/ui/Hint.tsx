import { cloneElement, useId, useState, type ReactElement, type ReactNode } from 'react';
import classes from './Hint.module.css';

interface HintProps {
  label: ReactNode;
  /** The element it describes; it gets aria-describedby. */
  children: ReactElement<{ 'aria-describedby'?: string }>;
  position?: 'top' | 'bottom';
  align?: 'center' | 'end';
}

/**
 * A small tooltip: shown on hover and keyboard focus, gone on Escape (WCAG 1.4.13). Our own few
 * lines rather than Mantine's Tooltip, whose positioning library would double the first load of
 * a page that only needs a label above a button.
 */
export function Hint({ label, children, position = 'top', align = 'center' }: HintProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    // Not a control itself: it hears hover, focus and Escape bubbling from the control inside.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <span
      className={classes.anchor}
      onPointerEnter={() => setOpen(true)}
      onPointerLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
        }
      }}
    >
      {cloneElement(children, { 'aria-describedby': open ? id : undefined })}
      {open && (
        <span id={id} role="tooltip" className={`${classes.bubble} ${classes[position]} ${align === 'end' ? classes.end : ''}`}>
          {label}
        </span>
      )}
    </span>
  );
}
