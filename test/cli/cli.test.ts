import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goalsim, tempDir } from '../helpers.js';


function scenarioWith(dataText: string, overrides: Record<string, unknown> = {}): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'bars.csv'), dataText);
  const file = join(dir, 'scenario.json');
  writeFileSync(
    file,
    JSON.stringify({
      name: 'cli-test',
      data: [{ symbol: 'X', path: 'bars.csv' }],
      account: { initialCapital: '1000' },
      strategy: { name: 'sma-cross', params: { fast: 2, slow: 3 } },
      sizing: { engine: 'fixed-fraction' },
      ...overrides,
    }),
  );
  return file;
}

describe('goalsim run', () => {
  it('runs the demo, writes the run folder and prints a summary table', () => {
    const out = join(tempDir(), 'demo');
    const run = goalsim(['run', 'scenarios/demo.json', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/final equity\s+\d+\.\d{2} USD/);
    for (const file of ['summary.json', 'equity.csv', 'trades.csv', 'sizing_decisions.csv']) expect(existsSync(join(out, file)), file).toBe(true);
    expect(readFileSync(join(out, 'trades.csv'), 'utf8').split('\n')[0]).toBe('symbol,side,entry_time,entry_price,exit_time,exit_price,quantity,fees,pnl,exit_reason,goal_pnl');
    expect(readFileSync(join(out, 'equity.csv'), 'utf8').split('\n')[0]).toBe('timestamp,equity,cash,exposure,drawdown');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual(expect.arrayContaining(['scenario', 'seed', 'version', 'initialCapital', 'finalEquity', 'metrics', 'goals']));
    expect(Object.keys(summary['metrics'] as object).sort()).toEqual(['calmar', 'cagr', 'maxDrawdown', 'maxExposure', 'meanExposure', 'profitFactor', 'sharpe', 'sortino', 'timeInMarket', 'totalReturn', 'trades', 'turnover', 'volatility', 'winRate'].sort());
  });

  it('writes byte-identical files on a second run', () => {
    const [a, b] = [join(tempDir(), 'a'), join(tempDir(), 'b')];
    goalsim(['run', 'scenarios/demo.json', '--out', a]);
    goalsim(['run', 'scenarios/demo.json', '--out', b, '--no-cache']);
    for (const file of ['summary.json', 'equity.csv', 'trades.csv', 'sizing_decisions.csv']) expect(readFileSync(join(a, file), 'utf8'), file).toBe(readFileSync(join(b, file), 'utf8'));
  });

  it('exits 2 with one line naming file:line, column and value for a malformed CSV, without a stack trace', () => {
    const file = scenarioWith('timestamp,open,high,low,close,volume\n2020-01-01,10,11,9,10.5,100\n2020-01-02,10,9.5,9,9.8,100\n');
    const run = goalsim(['run', file, '--out', join(tempDir(), 'r')]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^goalsim: error: .*bars\.csv:3: column "high" is 9\.5 but below the open 10$/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 naming the scenario file and JSON path of a bad field', () => {
    const file = scenarioWith('timestamp,close\n2020-01-01,10\n', { costs: { feeBps: -1 } });
    const run = goalsim(['run', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/scenario\.json: costs\.feeBps: /);
  });

  it('exits 2 on a misspelt option, naming it', () => {
    const file = scenarioWith('timestamp,close\n2020-01-01,10\n', { costs: { feeBsp: 1 } });
    const run = goalsim(['run', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/costs: .*feeBsp/);
  });

  it('exits 2 on a missing data file and on unknown commands', () => {
    const file = scenarioWith('', { data: [{ symbol: 'X', path: 'nope.csv' }] });
    const missing = goalsim(['run', file]);
    expect(missing.code, 'a missing data file is an input error').toBe(2);
    expect(missing.stderr).toMatch(/nope\.csv: file not found/);
    expect(goalsim(['frobnicate']).code).toBe(2);
  });

  it('lists skipped rows in the summary in skip mode', () => {
    // two bars are left: the strategy's windows fit them (a longer one is an input error)
    const file = scenarioWith('timestamp,close\n2020-01-01,10\n2020-01-02,abc\n2020-01-03,11\n', { data: [{ symbol: 'X', path: 'bars.csv', onBadRow: 'skip' }], strategy: { name: 'sma-cross', params: { fast: 1, slow: 2 } } });
    const out = join(tempDir(), 'skip');
    expect(goalsim(['run', file, '--out', out]).code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { data: { skippedRows: Record<string, { count: number; listed: { line: number }[] }> } };
    const [entry] = Object.values(summary.data.skippedRows);
    expect(entry?.count).toBe(1);
    expect(entry?.listed[0]?.line).toBe(3);
  });
});

describe('a closed stdout', () => {
  it('ends the command quietly: goalsim size ... | head -1 exits 0 with no EPIPE trace', () => {
    const line = JSON.stringify({ engine: 'fixed-fraction', equity: '100000', price: '100', stopLossPct: 0.02, confidence: 0.8, params: { fraction: 0.1 } });
    const dir = tempDir();
    writeFileSync(join(dir, 'requests.jsonl'), `${line}\n`.repeat(20_000));
    const run = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" dist/cli/main.js size < "${join(dir, 'requests.jsonl')}" | head -1 > /dev/null`], { encoding: 'utf8' });
    expect(run.stderr, 'no stack trace').not.toMatch(/EPIPE|Error/);
    expect(run.status, 'exit 0 through pipefail').toBe(0);
  });
});
