import { formatFixed } from '../numeric/format.js';

/** Aligned plain-text tables for the terminal: text left-aligned, numbers right-aligned. */
export function alignedTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, c) => Math.max(title.length, ...rows.map((row) => (row[c] ?? '').length)));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((row) => /^[-+]?[\d.,]+%?$|^$/.test(row[c] ?? '')));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, c) => (numeric[c] === true ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function fixed(value: number | null | undefined, digits = 2): string {
  return formatFixed(value, digits, '');
}
