/**
 * A cell a spreadsheet would run as a formula starts with one of these, whatever follows,
 * line breaks included (papaparse's own `escapeFormulae: true` misses a value with a line break).
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** CSV with a header row, for Excel and the rest: quoted where needed, formulas defused with a leading ', UTF-8 with a BOM. */
export async function toCsv<Column extends string>(rows: readonly Record<Column, string>[], columns: readonly Column[]): Promise<string> {
  // papaparse loads with the first export, not with the page.
  const { unparse } = await import('papaparse');
  return `\uFEFF${unparse(rows as Record<Column, string>[], { columns: [...columns], escapeFormulae: FORMULA_START, newline: '\r\n' })}`;
}

/** Saves text as a file through the browser's download. */
export function downloadFile(contents: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name part from free text: "Example Org" → "example-org". */
export function fileNamePart(text: string | undefined, fallback: string): string {
  return (text ?? fallback).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || fallback;
}
