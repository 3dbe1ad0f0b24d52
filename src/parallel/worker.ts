/**
 * Worker entry of the sweep pool: runs one variant on the main thread's shared data. Kept
 * light at start-up (no table library). A variant that calls process.exit() would end this
 * worker and lose its result; here it becomes that variant's error instead.
 */
import { viewBarSeries } from '../data/series.js';
import { SUMMARY_ONLY } from '../sim/equityCurve.js';
import { runScenario } from '../sim/run.js';
import { failedOutcome, outcomeOf } from './outcome.js';
import type { VariantOutcome, VariantTask } from './task.js';

process.exit = ((code?: number | string | null) => {
  throw new Error(`the variant called process.exit(${code ?? ''})`);
}) as typeof process.exit;

export default async function runVariant(task: VariantTask): Promise<VariantOutcome> {
  try {
    // a variant's row needs the curve's summary and the goal counts, not their rows
    const result = await runScenario(task.resolved, { series: task.series.map(viewBarSeries), signals: task.signals, skippedRows: task.skippedRows, staleBars: task.staleBars }, { curveSink: SUMMARY_ONLY, trackerRows: false });
    return outcomeOf(task.id, result);
  } catch (error) {
    return failedOutcome(task.id, 'failed', error instanceof Error ? error.message : String(error));
  }
}
