import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { goalsim, tempDir } from '../helpers.js';

const CI_SCENARIOS = ['scenarios/ci/msft-pipeline.json', 'scenarios/ci/msft-goal-kelly.json', 'scenarios/ci/cac-pipeline.json'];

/** A copy of a CI scenario (same name) elsewhere, with the data path made absolute and an edit applied. */
function editedCopy(file: string, edit: (scenario: Record<string, any>) => void): string {
  const scenario = JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
  scenario['data'][0].path = resolve('data', basename(String(scenario['data'][0].path)));
  edit(scenario);
  const copy = join(tempDir(), 'edited.json');
  writeFileSync(copy, JSON.stringify(scenario));
  return copy;
}

describe('goalsim regress', () => {
  it('passes on the shipped baselines', () => {
    const run = goalsim(['regress', ...CI_SCENARIOS, '--baseline', 'test/baselines']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^0 of 3 scenarios drifted$/m);
  });

  it('exits 1 when a goal-factor threshold changes, naming the field with before → after', () => {
    const copy = editedCopy('scenarios/ci/msft-pipeline.json', (s) => {
      s['sizing'].params.goalFactor = { thresholds: { atRisk: 0.8 } };
    });
    const junit = join(tempDir(), 'junit.xml');
    const run = goalsim(['regress', copy, '--baseline', 'test/baselines', '--junit', junit]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/the scenario file changed since the baseline/);
    expect(run.stdout).toMatch(/first divergence at stage "goal"/);
    expect(run.stdout).toMatch(/^\s+\d{4}-\d{2}-\d{2}T\S+ MSFT goal_factor: [\d.]+ → [\d.]+$/m);
    expect(run.stdout).toMatch(/^1 of 1 scenarios drifted$/m);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(junit, 'utf8')) as any;
    const testcase = xml.testsuites.testsuite.testcase;
    expect(testcase['@_name']).toBe('ci-msft-pipeline');
    expect(String(testcase.failure['#text'])).toMatch(/goal_factor: /);
  });

  it('accepts a change on purpose with --update, then passes again; the JUnit file parses', () => {
    const baselines = tempDir();
    cpSync('test/baselines', baselines, { recursive: true });
    const copy = editedCopy('scenarios/ci/msft-goal-kelly.json', (s) => {
      s['sizing'].params.kellyFraction = 0.25;
    });
    expect(goalsim(['regress', copy, '--baseline', baselines]).code, 'half the Kelly fraction drifts').toBe(1);
    expect(goalsim(['regress', copy, '--baseline', baselines, '--update']).code).toBe(0);
    const junit = join(tempDir(), 'junit.xml');
    const again = goalsim(['regress', copy, '--baseline', baselines, '--junit', junit]);
    expect(again.code).toBe(0);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(junit, 'utf8')) as any;
    expect(xml.testsuites['@_failures']).toBe('0');
    expect(xml.testsuites.testsuite.testcase['@_name']).toBe('ci-msft-goal-kelly');
  });

  it('tolerates metric moves within --tolerance but not decision changes', () => {
    const copy = editedCopy('scenarios/ci/msft-pipeline.json', (s) => {
      s['costs'].feeBps = 10.5;
    });
    const run = goalsim(['regress', copy, '--baseline', 'test/baselines', '--tolerance', 'sharpe=10']);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/metric sharpe/);
    expect(run.stdout).toMatch(/metric totalReturn/);
  });

  it('exits 2 with a hint to --update when a baseline is missing', () => {
    const run = goalsim(['regress', 'scenarios/ci/msft-pipeline.json', '--baseline', tempDir()]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/no baseline for scenario "ci-msft-pipeline".*--update/);
  });

  it('exits 2 on a malformed --tolerance', () => {
    expect(goalsim(['regress', 'scenarios/ci/msft-pipeline.json', '--baseline', 'test/baselines', '--tolerance', 'sharpe']).code).toBe(2);
  });
});
