/**
 * Per-parameter marginals of a sweep, with danfojs: for each swept parameter and value, the
 * number of successful variants, the mean objective, and the best variant. danfojs is heavy
 * (about 0.7 s to load), so it is imported here, lazily, and never in workers.
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

export async function marginals(rows: readonly RankedRow[], paths: readonly string[]): Promise<MarginalRow[]> {
  const ranked = rows.filter((row) => row.objective !== null);
  if (ranked.length === 0) return [];
  const dfd = await import('danfojs-node');
  const out: MarginalRow[] = [];
  for (const path of paths) {
    // random samples and grid points may set different parameters: only variants that set this one count
    const setting = ranked.filter((row) => row.variant.params[path] !== undefined);
    if (setting.length === 0) continue;
    const frame = new dfd.DataFrame({
      value: setting.map((row) => paramText(row.variant.params[path])),
      objective: setting.map((row) => row.objective as number),
    });
    const stats = dfd.toJSON(frame.groupby(['value']).agg({ objective: ['mean', 'count'] })) as { value: string; objective_mean: number; objective_count: number }[];
    for (const stat of stats) {
      // rows are ranked best first, so the first row with this value is its best variant
      const best = setting.find((row) => paramText(row.variant.params[path]) === stat.value) as RankedRow;
      out.push({ parameter: path, value: stat.value, count: stat.objective_count, meanObjective: stat.objective_mean, bestVariant: best.variant.id, bestObjective: best.objective as number });
    }
  }
  const numeric = (text: string): number => (text === '' || Number.isNaN(Number(text)) ? NaN : Number(text));
  return out.sort((a, b) => paths.indexOf(a.parameter) - paths.indexOf(b.parameter) || numeric(a.value) - numeric(b.value) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
