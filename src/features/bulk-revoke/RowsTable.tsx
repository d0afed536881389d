import { Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';
import classes from './bulk.module.css';

export interface Column<T> {
  header: string;
  /** A CSS grid track: "2fr", "160px". */
  width: string;
  cell: (row: T) => ReactNode;
}

interface RowsTableProps<T> {
  label: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** Said where the rows would be when there are none. */
  empty: string;
}

const ROW_HEIGHT = 52;
const VISIBLE = 9;

/**
 * A table of any number of rows that stays smooth at 10,000: only the rows in view are drawn
 * (@tanstack/react-virtual). Screen readers hear it as a table with its whole row count; the
 * scrolling area takes focus, so the keyboard scrolls it too.
 */
export function RowsTable<T>({ label, rows, columns, rowKey, empty }: RowsTableProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  // The hook returns functions React Compiler cannot memoise; this component has no memoised children.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 1000, height: ROW_HEIGHT * VISIBLE },
  });
  const template = columns.map((column) => column.width).join(' ');
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <div role="table" aria-label={label} aria-rowcount={rows.length + 1} className={classes.table}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={classes.headerRow} style={{ gridTemplateColumns: template }}>
          {columns.map((column) => (
            <div role="columnheader" key={column.header} className={classes.cell}>
              {column.header}
            </div>
          ))}
        </div>
      </div>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard */}
      <div ref={scroller} className={classes.scroller} style={{ maxHeight: ROW_HEIGHT * VISIBLE }} tabIndex={0} role="rowgroup" aria-label={`${label}: ${rows.length} rows, scroll for more`}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            return (
              <div
                key={rowKey(row)}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className={classes.row}
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)` }}
              >
                {columns.map((column) => (
                  <div role="cell" key={column.header} className={classes.cell}>
                    {column.cell(row)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
