/** Terminal tables of a sweep: the ranked top, failures, and the marginals. */
import type { MarginalRow } from '../analysis/marginals.js';
import { paramText, type RankedRow } from '../analysis/sweepResults.js';
import type { SweepDefinition } from '../parallel/sweepState.js';
import type { SweepAudit } from '../analysis/sweepAudit.js';
import { alignedTable, fixed } from './table.js';

const TOP = 10;

/** Short column titles: the last segment of each dotted path. */
function title(path: string): string {
  return path.split('.').pop() ?? path;
}

/** The audit's sentence, and its notes (a tie, days left out), under the tables. */
export function printAudit(audit: SweepAudit | null): void {
  if (audit === null) return;
  process.stdout.write(`audit: ${audit.sentence}\n`);
  for (const note of audit.notes) process.stdout.write(`  note: ${note}\n`);
}

export function printSweepTables(rows: readonly RankedRow[], marginals: readonly MarginalRow[], definition: SweepDefinition, outDir: string): void {
  const out = (text: string): boolean => process.stdout.write(`${text}\n`);
  const ranked = rows.filter((row) => row.rank !== null).slice(0, TOP);
  out(`${definition.name}: ${rows.length} variants, objective ${definition.objective.metric} (${definition.objective.direction})`);
  out(alignedTable(['rank', 'variant', ...definition.params.map(title), 'objective', 'trades', 'maxDrawdown'], ranked.map((row) => [String(row.rank), String(row.variant.id), ...definition.params.map((p) => paramText(row.variant.params[p])), fixed(row.objective, 4), String(row.outcome.metrics?.['trades'] ?? ''), fixed(row.outcome.metrics?.['maxDrawdown'] ?? null, 4)])));
  const unranked = rows.filter((row) => row.outcome.status !== 'ok');
  if (unranked.length > 0) {
    out('');
    out(alignedTable(['variant', 'status', 'error'], unranked.map((row) => [String(row.variant.id), row.outcome.status, row.outcome.error ?? ''])));
  }
  if (marginals.length > 0) {
    out('');
    out(alignedTable(['parameter', 'value', 'count', 'mean objective', 'best variant'], marginals.map((m) => [title(m.parameter), m.value, String(m.count), fixed(m.meanObjective, 4), String(m.bestVariant)])));
  }
  out(`results: ${outDir}`);
}
