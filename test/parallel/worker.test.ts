/**
 * A sweep's worker runs a variant leaner than `goalsim run` does (no curve rows kept, no tracker
 * rows): the row it hands back must be the one a full run of the same scenario gives.
 */
import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../../src/parallel/outcome.js';
import { SharedDataLoader } from '../../src/parallel/sharedData.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { viewBarSeries } from '../../src/data/series.js';
import { runScenario } from '../../src/sim/run.js';

// the worker module turns process.exit into an error for the variants; the test process keeps its own
const exit = process.exit;
const { default: runVariant } = await import('../../src/parallel/worker.js');
process.exit = exit;

describe('a sweep variant', () => {
  it.each(['scenarios/ci/msft-goal-kelly.json', 'scenarios/ci/cac-pipeline.json'])('%s: its row equals that of a full run of the same scenario', async (file) => {
    const resolved = loadScenarioFile(file);
    const inputs = await new SharedDataLoader(undefined).inputsFor(resolved);
    if (!inputs.ok) throw new Error(inputs.error);
    const full = await runScenario(resolved, { series: inputs.series.map(viewBarSeries), signals: inputs.signals, skippedRows: inputs.skippedRows });
    expect(full.equityCurve?.length).toBeGreaterThan(100);
    const expected = outcomeOf(7, full);
    const row = await runVariant({ id: 7, resolved, series: inputs.series, signals: inputs.signals, skippedRows: inputs.skippedRows });
    expect(row).toEqual(expected);
    expect(row.status).toBe('ok');
  });
});
