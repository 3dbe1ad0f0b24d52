/**
 * Fixed rules for numbers in output files, so that the same inputs give byte-identical files:
 * floats are rounded to 10 significant digits, ledger decimals are written exactly, times are
 * ISO-8601 UTC. Missing values are empty cells in CSV and null in JSON.
 */
import { DECIMAL_NUMBER } from './decimalText.js';
import { formatTimestamp } from '../data/timestamp.js';
import type { Amount, Money } from '../ledger/index.js';

export function formatFloat(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const magnitude = Math.abs(value);
  if (magnitude > 1e-290 && magnitude < 1e300) return shortestOfPrecision(value.toPrecision(10));
  // zero, near-subnormal and near-overflow values: through a float, as the rule reads
  const rounded = Number(value.toPrecision(10));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/**
 * String(Number(text)) for the text of toPrecision(10), without the round trip through a float.
 * Two decimals of at most 10 significant digits are always different doubles in the normal
 * range, so the shortest text of the rounded double has exactly the digits of `text` less its
 * trailing zeros; they are laid out by the rule of Number::toString (ECMA-262 6.1.6.1.20). The
 * round trip cost three times as much and left its strings for the old generation (V8's
 * number-to-string cache keeps them past a scavenge): 250 MB of garbage per 8M cells.
 */
function shortestOfPrecision(text: string): string {
  const negative = text.charCodeAt(0) === 45; /* - */
  const e = text.indexOf('e');
  const mantissa = text.slice(negative ? 1 : 0, e < 0 ? text.length : e);
  const point = mantissa.indexOf('.');
  let digits = point < 0 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  // n: the value is 0.digits x 10^n
  let n = e < 0 ? (point < 0 ? mantissa.length : point) : Number(text.slice(e + 1)) + 1;
  let lead = 0;
  while (digits.charCodeAt(lead) === 48 /* 0 */) lead++;
  n -= lead;
  let end = digits.length;
  while (end > lead && digits.charCodeAt(end - 1) === 48) end--;
  digits = digits.slice(lead, end);
  const k = digits.length;
  let body: string;
  if (k <= n && n <= 21) body = digits + '0'.repeat(n - k);
  else if (0 < n && n <= 21) body = `${digits.slice(0, n)}.${digits.slice(n)}`;
  else if (-6 < n && n <= 0) body = `0.${'0'.repeat(-n)}${digits}`;
  else body = `${digits[0] as string}${k > 1 ? `.${digits.slice(1)}` : ''}e${n - 1 < 0 ? '-' : '+'}${Math.abs(n - 1)}`;
  return negative ? `-${body}` : body;
}

/** A float for JSON: rounded like CSV cells, null when not finite. */
export function jsonFloat(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const rounded = Number(value.toPrecision(10));
  return Object.is(rounded, -0) ? 0 : rounded;
}

export function formatDecimal(value: Amount | Money): string {
  return value.toFixed();
}

export function formatTime(ms: number): string {
  return Number.isFinite(ms) ? formatTimestamp(ms) : '';
}


/**
 * A cell as CSV text. A cell that a spreadsheet would run as a formula (one that starts with =,
 * +, -, @, a tab or a carriage return and is not a number: a symbol such as =HYPERLINK(...)) is
 * written with a leading ' (OWASP's rule against CSV injection), in every CSV goalsim writes.
 */
function escapeCell(cell: string): string {
  const first = cell.charCodeAt(0); // = + - @ tab CR, tested by code: two regexes a cell were a third of a row's cost
  const safe = (first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13) && !DECIMAL_NUMBER.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const NEEDS_QUOTES = /[",\n\r]/;

/** One CSV line with its `\n`. */
export function csvLine(cells: readonly string[]): string {
  let line = cells.length > 0 ? escapeCell(cells[0] as string) : '';
  for (let i = 1; i < cells.length; i++) line += `,${escapeCell(cells[i] as string)}`;
  return `${line}\n`;
}

/** CSV text with a header row and `\n` line ends. */
export function toCsv(header: readonly string[], rows: Iterable<readonly string[]>): string {
  let text = csvLine(header);
  for (const row of rows) text += csvLine(row);
  return text;
}

/** Any JSON value as text for a person: primitives as themselves, structures as JSON. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '–';
  return typeof value === 'object' ? JSON.stringify(value) : String(value as string | number | boolean);
}

/** A Markdown table. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/**
 * A number for a table people read: 4 significant digits (12.35, 0.001235), whole numbers
 * from 10,000 up with thousands separators; CSV and JSON files keep full precision.
 */
export function significant(value: number | null | undefined, digits = 4, missing = '–'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return missing;
  if (Math.abs(value) >= 10 ** digits) return Math.round(value).toLocaleString('en-US');
  const rounded = Number(value.toPrecision(digits));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A table cell of a CSV file read back: numbers to 4 significant digits, other text as it is. */
export function significantCell(text: string): string {
  return text !== '' && DECIMAL_NUMBER.test(text) ? significant(Number(text)) : text;
}

/** A fraction as a percentage for people; `missing` when there is no number. */
export function formatPercent(value: unknown, digits = 2, missing = '–'): string {
  return typeof value === 'number' && Number.isFinite(value) ? `${(value * 100).toFixed(digits)}%` : missing;
}

/** A number with fixed decimals for people; `missing` when there is no number. */
export function formatFixed(value: unknown, digits = 2, missing = '–'): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : missing;
}
