/**
 * A walk-forward folder's own files: walkforward.json (the definition, and the summary once the
 * out-of-sample stage ran), windows.csv and equity.csv. `train/` is a sweep folder, `oos/` a run folder.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { join } from 'node:path';
import { paramText } from '../analysis/sweepResults.js';
import { writeCsvFile, writeTextFile } from '../io/fileWriter.js';
import { formatFloat } from '../numeric/format.js';
import { dayText } from '../analysis/sweepAudit.js';
import { WALK_FORWARD_FILES, WALK_FORWARD_FORMAT, type WalkForwardDefinition } from './definition.js';
import { summaryJson, type WalkForwardSummary } from './summary.js';

/** The out-of-sample account's daily equity beside the whole-period best's over the same days. */
export interface EquityColumns {
  readonly days: readonly number[];
  readonly outOfSample: readonly number[];
  /** Rebased to the account's capital on the first out-of-sample day (null where it has no bar). */
  readonly wholePeriodBest: readonly (number | null)[];
}

export function writeWalkForwardFiles(outDir: string, definition: WalkForwardDefinition, summary: WalkForwardSummary | null, equity?: EquityColumns): void {
  const windowsPath = join(outDir, WALK_FORWARD_FILES.windows);
  const equityPath = join(outDir, WALK_FORWARD_FILES.equity);
  if (summary === null || equity === undefined) {
    rmSync(windowsPath, { force: true });
    rmSync(equityPath, { force: true });
  } else {
    writeCsvFile(windowsPath, windowsTable(definition, summary));
    writeCsvFile(equityPath, { file: WALK_FORWARD_FILES.equity, header: ['date', 'out_of_sample', 'whole_period_best'], rows: equity.days.map((day, i) => [dayText(day), formatFloat(equity.outOfSample[i] ?? null), formatFloat(equity.wholePeriodBest[i] ?? null)]) });
  }
  writeTextFile(join(outDir, WALK_FORWARD_FILES.definition), `${JSON.stringify({ definition, summary: summary === null ? null : summaryJson(summary) }, null, 1)}\n`);
}

/** walkforward.json of a folder, or undefined when it has none. */
export function readWalkForward(dir: string): { readonly definition: WalkForwardDefinition; readonly summary: WalkForwardSummary | null } | undefined {
  const path = join(dir, WALK_FORWARD_FILES.definition);
  if (!existsSync(path)) return undefined;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { definition?: WalkForwardDefinition; summary?: WalkForwardSummary | null };
  if (parsed.definition?.format !== WALK_FORWARD_FORMAT) throw new UsageError(`${path}: not a goalsim walk-forward definition (format ${JSON.stringify(parsed.definition?.format)})`);
  return { definition: parsed.definition, summary: parsed.summary ?? null };
}

const count = (value: number | null): string => (value === null ? '' : String(value));

function windowsTable(definition: WalkForwardDefinition, summary: WalkForwardSummary) {
  const header = ['window', 'train_first', 'train_last', 'test_first', 'test_last', 'variant', 'carried', ...definition.params, 'in_sample_objective', 'out_of_sample_objective', 'in_sample_cagr', 'out_of_sample_return', 'out_of_sample_sharpe', 'months', 'months_return_goal_met', 'months_income_goal_met'];
  const rows = summary.windows.map((w) => [
    String(w.index),
    w.trainFirst,
    w.trainLast,
    w.testFirst,
    w.testLast,
    String(w.variant),
    w.carried ? 'yes' : 'no',
    ...definition.params.map((path) => paramText(w.params[path])),
    formatFloat(w.inSampleObjective),
    formatFloat(w.outOfSampleObjective),
    formatFloat(w.inSampleCagr),
    formatFloat(w.outOfSampleReturn),
    formatFloat(w.outOfSampleSharpe),
    count(w.months),
    count(w.monthsReturnGoalMet),
    count(w.monthsIncomeGoalMet),
  ]);
  return { file: WALK_FORWARD_FILES.windows, header, rows };
}
