/**
 * A sweep's worker runs a variant leaner than `goalsim run` does (no curve rows kept, no tracker
 * rows): the row it hands back must be the one a full run of the same scenario gives. Workers
 * start light: neither the schema library nor the CSV parser is loaded by a worker module.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir, tempFile } from '../helpers.js';
import { outcomeOf } from '../../src/parallel/outcome.js';
import { SharedDataLoader } from '../../src/parallel/sharedData.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { viewBarSeries } from '../../src/data/series.js';
import { runScenario } from '../../src/sim/run.js';

// the worker module turns process.exit into an error for the variants; the test process keeps its own
const exit = Object.getOwnPropertyDescriptor(process, 'exit') as PropertyDescriptor;
const { default: runVariant } = await import('../../src/parallel/worker.js');
Object.defineProperty(process, 'exit', exit);

describe('a sweep variant', () => {
  it.each(['scenarios/ci/msft-goal-kelly.json', 'scenarios/ci/cac-pipeline.json'])('%s: its row equals that of a full run of the same scenario', async (file) => {
    const resolved = loadScenarioFile(file);
    const inputs = await new SharedDataLoader(undefined).inputsFor(resolved);
    if (!inputs.ok) throw new Error(inputs.error);
    const full = await runScenario(resolved, { series: inputs.series.map(viewBarSeries), signals: inputs.signals, skippedRows: inputs.skippedRows });
    expect(full.equityCurve?.length).toBeGreaterThan(100);
    const expected = outcomeOf(7, full);
    const row = await runVariant({ id: 7, resolved, series: inputs.series, signals: inputs.signals, skippedRows: inputs.skippedRows, staleBars: inputs.staleBars });
    expect(row).toEqual(expected);
    expect(row.status).toBe('ok');
  });
});

describe('a worker module', () => {
  it.each(['parallel/worker.js', 'odds/worker.js'])('dist/%s loads neither zod nor csv-parse', (script) => {
    const log = join(tempDir(), 'modules.txt');
    const hooks = tempFile('hooks.mjs', `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`);
    const register = tempFile('register.mjs', `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    execFileSync(process.execPath, ['--import', pathToFileURL(register).href, '--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(resolve('dist', script)).href)})`]);
    const modules = readFileSync(log, 'utf8').trim().split('\n');
    expect(modules.some((url) => url.endsWith('/dist/sim/engine.js'))).toBe(true);
    expect(modules.filter((url) => url.includes('/node_modules/zod/') || url.includes('/node_modules/csv-parse/'))).toEqual([]);
  });
});
