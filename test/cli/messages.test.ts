/** Messages people can act on (#13): every problem named, hints that fit, inputs refused early. */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../src/scenario/problems.js';
import { goalsim, tempDir } from '../helpers.js';

const base = { name: 'm', data: [{ symbol: 'A', path: resolve('data/msft-daily-2000-2001.csv') }], account: { initialCapital: '1000' }, strategy: { name: 'sma-cross', params: { fast: 2, slow: 3 } }, sizing: { engine: 'fixed-fraction', params: { fraction: 0.5 } } };
function run(scenario: Record<string, unknown>, files: Record<string, string> = {}): { code: number | null; stderr: string } {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 's.json'), JSON.stringify(scenario));
  return goalsim(['run', join(dir, 's.json'), '--out', join(dir, 'out')]);
}

describe('scenario problems', () => {
  it('lists every problem, unknown keys first, with the nearest known key', () => {
    const result = run({ ...base, account: { intialCapital: '1000' }, costs: { feeBps: -1 } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^goalsim: error: .*s\.json: account: unknown key "intialCapital" \(did you mean "initialCapital"\?\); account\.initialCapital: is required; costs\.feeBps: .*\n  hint: account: its options and their defaults are in docs\/reference\.md#account\n$/);
    expect(didYouMean('lotstep', ['lotStep', 'minNotional']), 'case does not count').toBe('lotStep');
    expect(didYouMean('banana', ['lotStep', 'minNotional']), 'nothing near').toBeUndefined();
    // two letters swapped are one slip; a key is never suggested as its own correction
    expect([editDistance('clsoe', 'close'), editDistance('abc', 'abc'), editDistance('kitten', 'sitting'), editDistance('ab', 'ba'), editDistance('', 'abc')]).toEqual([1, 0, 3, 1, 3]);
    expect(didYouMean('clsoe', ['close', 'open'])).toBe('close');
    expect(didYouMean('maxPositionPct', ['maxPositionPct', 'minPositionPct'])).toBeUndefined();
    const elsewhere = run({ ...base, sizing: { engine: 'fixed-fraction', params: { fraction: 0.5, maxPositionPct: 0.2 } } });
    expect(elsewhere.stderr).toContain('sizing.params: unknown key "maxPositionPct" (a parameter of kelly, pipeline and goal-kelly, not of fixed-fraction; fixed-fraction takes fraction)');
    // an option of another section of the file is still named as such
    const misplaced = run({ ...base, costs: { feeBps: 1, initialCapital: '5' } });
    expect(misplaced.stderr).toContain('costs: unknown key "initialCapital" (an option elsewhere in the file, not here)');
  });

  it('refuses a strategy window longer than the data, naming its path and the bars there are', () => {
    for (const [params, path, bars] of [[{ fast: 5, slow: 1e9 }, 'strategy.params.slow', '1000000000'], [{ fast: 5, slow: 2 ** 53 - 1 }, 'strategy.params.slow', '9007199254740991'], [{ fast: 300, slow: 400 }, 'strategy.params.fast', '300']] as const) {
      const result = run({ ...base, strategy: { name: 'sma-cross', params } });
      expect(result.code, path).toBe(2);
      expect(result.stderr).toContain(`s.json: ${path}: ${bars} bars is longer than the data: the longest symbol has 249 bars in the period`);
    }
    const breakout = run({ ...base, strategy: { name: 'breakout', params: { entry: 20, exit: 250 } } });
    expect(breakout.stderr).toContain('strategy.params.exit: 250 bars is longer than the data');
  });

  it('refuses JSON nested past 64 levels and a key given twice, each located, without a stack overflow', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'deep.json'), '['.repeat(1_000_000));
    const deep = goalsim(['run', join(dir, 'deep.json')]);
    expect(deep.code).toBe(2);
    expect(deep.stderr).toContain('deep.json: not valid JSON here: line 1, column 65: nested more than 64 deep');
    writeFileSync(join(dir, 'dup.json'), JSON.stringify({ ...base, account: { initialCapital: '1000' } }, null, 1).replace('"initialCapital": "1000"', '"initialCapital": "1000",\n  "initialCapital": "5000"'));
    const twice = goalsim(['run', join(dir, 'dup.json')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/dup\.json: "initialCapital" is given twice in one object \(line \d+, column \d+ and line \d+, column \d+\); JSON keeps only the last/);
    // brackets inside strings are text, not nesting
    writeFileSync(join(dir, 'brackets.json'), JSON.stringify({ ...base, description: '['.repeat(200) }));
    expect(goalsim(['validate', join(dir, 'brackets.json')]).code).toBe(0);
  });

  it('caps names, refuses a negative minimum notional, and lists at most ten unknown keys', () => {
    const long = run({ ...base, name: 'x'.repeat(256) });
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('name: names a folder: at most 100 characters');
    expect(long.stderr).not.toContain('x'.repeat(101));
    const negative = run({ ...base, data: [{ ...(base.data as object[])[0], minNotional: '-100' }] });
    expect(negative.stderr).toContain('data[0].minNotional: must be >= 0');
    const flood: Record<string, unknown> = { ...base };
    for (let i = 0; i < 100_000; i++) flood[`junk${i}`] = i;
    const started = Date.now();
    const junk = run(flood);
    expect(junk.code).toBe(2);
    expect(junk.stderr).toContain('unknown key "junk9"; and 99990 more unknown keys');
    expect(junk.stderr.length).toBeLessThan(1000);
    expect(Date.now() - started, 'no did-you-mean for each of 100,000 keys').toBeLessThan(30_000);
  });

  it('refuses a task timeout that is not a number of seconds > 0', () => {
    for (const value of ['abc', '-1', '0']) {
      const sweep = goalsim(['sweep', 'scenarios/sweeps/goal-thresholds.json', '--variant-timeout', value, '--out', join(tempDir(), 'x')]);
      expect(sweep.code, value).toBe(2);
      expect(sweep.stderr).toMatch(/--variant-timeout (\(not a number\)|-1|0): give the seconds a task may run, a number > 0 \(default 900\)/);
    }
    const odds = goalsim(['odds', 'scenarios/odds/dax-goals.json', '--paths', '2', '--path-timeout', '-1', '--out', join(tempDir(), 'y')]);
    expect(odds.code).toBe(2);
    expect(odds.stderr).toContain('--path-timeout -1: give the seconds a task may run, a number > 0');
  });

  it('warns when the goal tracker would cycle far more often than the bars change, and says what to set', () => {
    const month = run({ ...base, period: { start: '2001-03-01', end: '2001-03-31' }, goals: { preset: 'seed-001' }, tracker: { intervalMinutes: 1 } });
    expect(month.code).toBe(0);
    // 22 trading days, 29 days from the first to the last: 29 x 1,440 one-minute cycles
    expect(month.stderr).toMatch(/warning: tracker\.intervalMinutes 1: the tracker runs about 41,760 cycles for 22 bars \(1,898 a bar\).*e\.g\. 1440 for daily bars/);
    const daily = run({ ...base, period: { start: '2001-03-01', end: '2001-03-31' }, goals: { preset: 'seed-001' }, tracker: { intervalMinutes: 1440 } });
    expect(daily.stderr).not.toContain('warning: tracker');
  });

  it('says what to do, not NaN or EADDRINUSE, and refuses a sweep none of whose variants can run (exit 2, as validate)', async () => {
    const paths = goalsim(['odds', 'scenarios/demo.json', '--paths', 'abc', '--out', join(tempDir(), 'o')]);
    expect(paths.code).toBe(2);
    expect(paths.stderr).toContain('--paths (not a number): give a whole number of paths, at least 1 (e.g. --paths 1000)');
    const { createServer } = await import('node:net');
    const busy = createServer();
    await new Promise<void>((done) => busy.listen(0, '127.0.0.1', () => done()));
    const port = (busy.address() as { port: number }).port;
    try {
      const serve = goalsim(['serve', 'scenarios/demo.json', '--port', String(port)]);
      expect(serve.code).toBe(2);
      expect(serve.stderr).toContain(`--port ${port} is in use on 127.0.0.1: another goalsim serve, or another program, listens there; choose another --port, or --port 0 for any free one`);
    } finally {
      busy.close();
    }
    const dir = tempDir();
    writeFileSync(join(dir, 'base.json'), JSON.stringify(base));
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ name: 'none', base: 'base.json', grid: { 'sizing.params.fraction': [2, 3] }, objective: 'metrics.sharpe' }));
    const sweep = goalsim(['sweep', join(dir, 'sweep.json'), '--workers', '1', '--out', join(dir, 'out')]);
    expect(sweep.code).toBe(2);
    expect(sweep.stderr).toMatch(/sweep\.json: no variant of the sweep can run: .*variant 0: sizing\.params\.fraction: .* \(and 1 more variants fail or break a constraint\)/);
    expect(goalsim(['validate', join(dir, 'sweep.json')]).code).toBe(2);
  });

  it('shows a data path given as absolute as it was given, not relative to the working folder', () => {
    const missing = join(tempDir(), 'nowhere', 'bars.csv');
    const result = run({ ...base, data: [{ symbol: 'A', path: missing }] });
    expect(result.code).toBe(2);
    // before, it read "../../tmp/.../bars.csv: file not found" from this folder
    expect(result.stderr.startsWith(`goalsim: error: ${missing}: file not found`), result.stderr).toBe(true);
  });

  it('names the roles a data source may rename, and refuses any other, __proto__ included', () => {
    const data = (columns: Record<string, string>) => ({ ...base, data: [{ ...(base.data as object[])[0], columns }] });
    const typo = run(data({ clsoe: 'Close' }));
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('data[0].columns: unknown key "clsoe" (did you mean "close"?)');
    // strategy parameters too (#32: "entyr" had no suggestion)
    expect(run({ ...base, strategy: { name: 'breakout', params: { entyr: 20 } } }).stderr).toContain('strategy.params: unknown key "entyr" (did you mean "entry"?)');
    // JSON.parse makes "__proto__" an own key, as a scenario file's would be
    const proto = run(data(JSON.parse('{"__proto__": "x"}') as Record<string, string>));
    expect(proto.code).toBe(2);
    expect(proto.stderr).toContain('data[0].columns: unknown key "__proto__"');
  });

  it('locates bad JSON by line and column, without echoing the file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.json'), `{\n  "name": "x",\n  "data": }\n${' '.repeat(5000)}`);
    const result = goalsim(['run', join(dir, 'bad.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.json: not valid JSON: line 3, column 11: value expected\n/);
    expect(result.stderr.length, 'the text itself is not printed').toBeLessThan(300);
  });

  it('says where the data lies when the period holds no bars', () => {
    const result = run({ ...base, period: { start: '2010-01-01', end: '2011-01-01' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/period: holds no bars: the data runs from 2000-09-27T00:00:00Z to 2001-09-27T00:00:00Z/);
  });
});

describe('strategy modules', () => {
  it('that cannot be loaded or do not keep the contract exit 2 naming strategy.module', () => {
    const missing = run({ ...base, strategy: { name: 'module', module: 'nope.mjs', params: {} } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/s\.json: strategy\.module: cannot use the strategy module: .*nope\.mjs/);
    expect(missing.stderr).toMatch(/hint: a strategy module exports createStrategy\(params, symbol\)/);
    const wrong = run({ ...base, strategy: { name: 'module', module: 'wrong.mjs', params: {} } }, { 'wrong.mjs': 'export function nope() {}\n' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/strategy\.module: cannot use the strategy module: .*must export createStrategy/);
    const broken = run({ ...base, strategy: { name: 'module', module: 'broken.mjs', params: {} } }, { 'broken.mjs': 'syntax error here(\n' });
    expect(broken.code).toBe(2);
  });
});

describe('data problems', () => {
  it('refuses a path that is not a regular file instead of reading it forever', () => {
    const result = run({ ...base, data: [{ symbol: 'A', path: '/dev/zero' }] });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a regular file \(a device, FIFO or socket: \/dev\/zero\)\n  hint: a data path is relative to the scenario file that names it\n$/);
    expect(run({ ...base, data: [{ symbol: 'A', path: 'nope.csv' }] }).stderr, 'a missing file is not told to skip rows').not.toMatch(/onBadRow/);
  });

  it('refuses a column named twice, naming both', () => {
    const result = run({ ...base, data: [{ symbol: 'A', path: 'd.csv' }] }, { 'd.csv': 'timestamp,close,close\n2020-01-01,1,2\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/d\.csv:1: column "close" appears 2 times \(columns 2 and 3\)/);
  });

  it('exits 2 when skip mode leaves no rows, with the first reason', () => {
    const result = run({ ...base, data: [{ symbol: 'A', path: 'd.csv', onBadRow: 'skip' }] }, { 'd.csv': 'timestamp,close\n2020-01-01,-1\n2020-01-02,abc\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/d\.csv: all 2 rows were bad and skipped, nothing is left to run on; the first: .*d\.csv:2: column "close" is -1, but prices must be > 0/);
  });
});
