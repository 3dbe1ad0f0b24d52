/**
 * A user's strategy is held to the signal contract at every bar of a run: a malformed answer is
 * an error naming the module, the symbol and the bar (exit 1), not a trade sized on nonsense.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goalsim, tempDir } from '../helpers.js';

function runWith(onBar: string, sizer?: string, args: string[] = []): { code: number | null; stderr: string; out: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'strategy.mjs'), `export function createStrategy() { return { onBar(ctx) { ${onBar} } }; }\n`);
  if (sizer !== undefined) writeFileSync(join(dir, 'sizer.mjs'), `export function createSizer() { return { size: (request) => (${sizer}) }; }\n`);
  const scenario = {
    name: 'user',
    data: [{ symbol: 'MSFT', path: resolve('data/msft-daily-2000-2001.csv'), lotStep: '1' }],
    account: { currency: 'USD', initialCapital: '100000' },
    strategy: { name: 'module', module: 'strategy.mjs' },
    sizing: sizer === undefined ? { engine: 'fixed-fraction', params: { fraction: 0.2 } } : { engine: 'module', module: 'sizer.mjs' },
  };
  writeFileSync(join(dir, 's.json'), JSON.stringify(scenario));
  const out = join(dir, 'out');
  return { ...goalsim(['run', join(dir, 's.json'), '--out', out, ...args]), out };
}

const at10 = (signal: string): string => `return ctx.bars.length === 11 ? [${signal}] : [];`;

describe("a user's strategy at run time", () => {
  it('is stopped at the first malformed signal, naming the module, symbol, bar and what is wrong', () => {
    const cases: [string, string][] = [
      [at10("{ side: 'buy', confidence: NaN, stopLossPct: NaN, takeProfitPct: NaN }"), 'confidence NaN is not in [0, 1]'],
      [at10("{ side: 'yolo', confidence: 1, stopLossPct: NaN, takeProfitPct: NaN }"), 'side "yolo" is not buy, sell or close'],
      [at10("{ side: 'buy', confidence: 1, stopLossPct: -5, takeProfitPct: NaN }"), 'stopLossPct -5 is neither NaN (no stop) nor in (0, 1)'],
      [at10("{ side: 'buy', confidence: 1, stopLossPct: NaN, takeProfitPct: Infinity }"), 'takeProfitPct Infinity is neither NaN (none) nor a finite number > 0'],
      ["return ctx.bars.length === 11 ? 'buy' : [];", 'onBar returned string, not an array of signals (return [] for none)'],
      ['return ctx.bars.length === 11 ? [null] : [];', 'a signal is an object, not null'],
    ];
    for (const [onBar, problem] of cases) {
      const result = runWith(onBar);
      expect(result.code, problem).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`strategy\\.mjs: MSFT at 2000-10-11T00:00:00\\.000Z \\(bar 10\\): ${problem.replace(/[()[\]]/g, '\\$&')}`));
    }
    // a well-formed signal runs
    expect(runWith(at10("{ side: 'buy', confidence: 1, stopLossPct: 0.05, takeProfitPct: NaN }")).code).toBe(0);
  });

  it("refuses a user sizer's infinite amount at risk, naming the module", () => {
    const result = runWith(at10("{ side: 'buy', confidence: 1, stopLossPct: 0.05, takeProfitPct: NaN }"), '{ value: request.equity * 0.1, riskAmount: Infinity }');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('sizer.mjs: size() returned riskAmount Infinity: an amount at risk is a finite number (or null)');
  });
});

describe('a run with user modules is contained', () => {
  it('fails alone when a module calls process.exit(), whatever the code, and leaves no partial file', () => {
    for (const code of [0, 3]) {
      const result = runWith(`if (ctx.bars.length === 20) process.exit(${code}); return [];`);
      expect(result.code, `process.exit(${code})`).toBe(1);
      expect(result.stderr).toContain(`a user module ended the run with process.exit(${code}): nothing was written`);
      const left = existsSync(result.out) ? readdirSync(result.out) : [];
      expect(left.filter((name) => name.includes('.partial-')), 'no partial file').toEqual([]);
      expect(left).not.toContain('summary.json');
    }
  });

  it('is stopped after --timeout when a module never returns', () => {
    const started = Date.now();
    const result = runWith('if (ctx.bars.length === 20) for (;;) {} return [];', undefined, ['--timeout', '2']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the run took longer than --timeout 2 s and was stopped: does a user module never return?');
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(runWith('return [];', undefined, ['--timeout', '0']).code, 'a timeout of 0 is a usage error').toBe(2);
  }, 30_000);
});
