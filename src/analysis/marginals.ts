/**
 * Per-parameter marginals of a sweep: for each swept parameter and value, the number of
 * successful variants, the mean objective, and the best variant. A group-by with a count and a
 * mean: danfojs did it before, and loading it was 0.7 s of serial time at the end of every sweep,
 * more than the analysis of thousands of variants.
 */
import type { RankedRow } from './sweepResults.js';
import { paramText } from './sweepResults.js';

export interface MarginalRow {
  readonly parameter: string;
  readonly value: string;
  readonly count: number;
  readonly meanObjective: number;
  readonly bestVariant: number;
  readonly bestObjective: number;
}

export function marginals(rows: readonly RankedRow[], paths: readonly string[]): MarginalRow[] {
  const ranked = rows.filter((row) => row.objective !== null);
  if (ranked.length === 0) return [];
  const out: MarginalRow[] = [];
  for (const path of paths) {
    // random samples and grid points may set different parameters: only variants that set this one count
    const byValue = new Map<string, { count: number; sum: number; best: RankedRow }>();
    for (const row of ranked) {
      if (row.variant.params[path] === undefined) continue;
      const value = paramText(row.variant.params[path]);
      const group = byValue.get(value);
      // rows are ranked best first, so the first row with a value is its best variant
      if (group === undefined) byValue.set(value, { count: 1, sum: row.objective as number, best: row });
      else {
        group.count++;
        group.sum += row.objective as number;
      }
    }
    for (const [value, group] of byValue) out.push({ parameter: path, value, count: group.count, meanObjective: group.sum / group.count, bestVariant: group.best.variant.id, bestObjective: group.best.objective as number });
  }
  const numeric = (text: string): number => (text === '' || Number.isNaN(Number(text)) ? NaN : Number(text));
  return out.sort((a, b) => paths.indexOf(a.parameter) - paths.indexOf(b.parameter) || numeric(a.value) - numeric(b.value) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
