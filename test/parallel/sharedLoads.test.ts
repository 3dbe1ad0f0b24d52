/**
 * A sweep's variants share their loads (sim/loadData.ts DataLoads): a source named by many
 * variants is read once, a source that differs is read on its own, and a source that fails
 * fails only the variants that name it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SharedDataLoader } from '../../src/parallel/sharedData.js';
import { resolveScenario, validateScenario } from '../../src/scenario/load.js';
import { DataLoads, loadScenarioData } from '../../src/sim/loadData.js';
import { tempDir } from '../helpers.js';

function scenarioIn(dir: string, data: Record<string, unknown>) {
  const file = join(dir, 's.json');
  return resolveScenario(validateScenario({ name: 's', data: [{ symbol: 'A', kind: 'close', ...data }], account: { initialCapital: '1000' }, strategy: { name: 'sma-cross' }, sizing: { engine: 'fixed-fraction' } }, file), file);
}

describe('shared loads', () => {
  it('read a source once for every variant that names it, and apart when its options differ', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'timestamp,close\n2020-01-01,100\n2020-01-02,101\n2020-01-03,102\n');
    const loads = new DataLoads();
    const first = await loadScenarioData(scenarioIn(dir, { path: 'a.csv' }), undefined, loads);
    const second = await loadScenarioData(scenarioIn(dir, { path: 'a.csv' }), undefined, loads);
    expect(second.series[0]).toBe(first.series[0]);
    const skipping = await loadScenarioData(scenarioIn(dir, { path: 'a.csv', onBadRow: 'skip' }), undefined, loads);
    expect(skipping.series[0]).not.toBe(first.series[0]);
    expect(loads.prices.size).toBe(2);
    // without a memo every call reads the file again
    expect((await loadScenarioData(scenarioIn(dir, { path: 'a.csv' }))).series[0]).not.toBe(first.series[0]);
  });

  it('fail only the variants whose source fails', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'timestamp,close\n2020-01-01,100\n2020-01-02,101\n');
    const loader = new SharedDataLoader(undefined);
    const missing = await loader.inputsFor(scenarioIn(dir, { path: 'missing.csv' }));
    const present = await loader.inputsFor(scenarioIn(dir, { path: 'a.csv' }));
    expect(missing.ok ? 'loaded' : missing.error).toMatch(/missing\.csv: file not found/);
    expect(present.ok ? present.series[0]?.length : present.error).toBe(2);
  });
});
