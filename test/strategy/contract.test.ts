import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStrategy } from '../../src/testing.js';
import { loadBarsCsv } from '../../src/data/loadBars.js';
import type { SignalTable } from '../../src/data/signalTable.js';
import type { BarSeries } from '../../src/data/series.js';
import { createBreakout, createSignalsReplay, createSmaCross, LookAheadError, SeriesHistory, strategyFactory, type Strategy } from '../../src/strategy/index.js';
import { barsSource, tempDir } from '../helpers.js';

const msft = (await loadBarsCsv(barsSource('data/msft-daily-2000-2001.csv'))).series;

/** Feeds `count` bars to a fresh strategy, tracking the position its signals would cause. */
function signalsOf(makeStrategy: () => Strategy, series: BarSeries, count: number): string[] {
  const strategy = makeStrategy();
  const bars = new SeriesHistory(series);
  let position = 0;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    bars.length = i + 1;
    for (const signal of strategy.onBar({ symbol: series.symbol, symbolIndex: 0, bars, position, time: series.time[i] as number })) {
      out.push(`${i}:${signal.side}`);
      position = signal.side === 'buy' ? 1 : signal.side === 'sell' ? -1 : 0;
    }
  }
  return out;
}

/** Every strategy must pass: appending future bars never changes past decisions. */
function testStrategyContract(name: string, makeStrategy: () => Strategy, expectSignals = true): void {
  describe(`strategy contract: ${name}`, () => {
    it('passes the contract goalsim/testing exports for user strategies', () => {
      expect(() => checkStrategy(makeStrategy, { bars: msft, minSignals: expectSignals ? 1 : 0 })).not.toThrow();
    });
    it('decides the same on a prefix as on the full data (no look-ahead)', () => {
      const full = signalsOf(makeStrategy, msft, msft.length);
      if (expectSignals) expect(full.length, 'the contract is only meaningful if the strategy trades').toBeGreaterThan(0);
      for (const cut of [40, 100, 180, 230]) {
        const prefix = signalsOf(makeStrategy, msft, cut);
        expect(prefix, `first ${cut} bars`).toEqual(full.filter((entry) => Number(entry.split(':')[0]) < cut));
      }
    });
  });
}

/** A momentum strategy's body, in JavaScript or (with typed declarations) TypeScript. */
function momentumBody(ctx: string, index: string, up: string): string[] {
  return [
    '  return { onBar(' + ctx + ') {',
    `    const ${index} = ctx.bars.length - 1;`,
    '    if (i < params.lookback) return [];',
    `    const ${up} = ctx.bars.close(i) > ctx.bars.close(i - params.lookback);`,
    "    if (up && ctx.position === 0) return [{ side: 'buy', confidence: 1, stopLossPct: NaN, takeProfitPct: NaN }];",
    "    if (!up && ctx.position > 0) return [{ side: 'close', confidence: 1, stopLossPct: NaN, takeProfitPct: NaN }];",
    '    return [];',
    '  } };',
  ];
}

/** A user module trades on MSFT and decides the same on a prefix as on the full data. */
async function expectModuleContract(module: string): Promise<void> {
  const factory = await strategyFactory({ name: 'module', module, params: { lookback: 15 } }, { replayCounter: { delivered: 0 } });
  const full = signalsOf(() => factory('MSFT'), msft, msft.length);
  expect(full.length).toBeGreaterThan(0);
  expect(signalsOf(() => factory('MSFT'), msft, 120)).toEqual(full.filter((entry) => Number(entry.split(':')[0]) < 120));
}

const replayTable: SignalTable = {
  length: 3,
  time: Float64Array.from([msft.time[5] as number, (msft.time[20] as number) - 1, msft.time[60] as number]),
  symbol: ['MSFT', 'MSFT', 'MSFT'],
  sideCode: Uint8Array.from([0, 2, 1]),
  confidence: Float64Array.from([0.9, 1, 0.5]),
  stopLossPct: Float64Array.from([0.02, 0.02, 0.03]),
  takeProfitPct: Float64Array.from([NaN, NaN, NaN]),
};

testStrategyContract('sma-cross', () => createSmaCross({ fast: 10, slow: 30 }));
testStrategyContract('breakout', () => createBreakout({ entry: 20, exit: 10, allowShort: true }));
testStrategyContract('signals', () => createSignalsReplay(replayTable, 'MSFT', { delivered: 0 }));

describe('signals replay', () => {
  it('delivers a signal at the first bar at or after its time', () => {
    expect(signalsOf(() => createSignalsReplay(replayTable, 'MSFT', { delivered: 0 }), msft, msft.length)).toEqual(['5:buy', '20:close', '60:sell']);
  });
});

describe('look-ahead guard', () => {
  it('throws when a strategy reads the next bar', () => {
    const bars = new SeriesHistory(msft);
    bars.length = 10;
    expect(bars.close(9)).toBe(msft.close[9]);
    expect(() => bars.close(10)).toThrow(LookAheadError);
  });

  it('stops a user module that peeks ahead', async () => {
    const dir = tempDir();
    const module = join(dir, 'peek.mjs');
    writeFileSync(module, 'export function createStrategy() { return { onBar(ctx) { ctx.bars.close(ctx.bars.length); return []; } }; }\n');
    const factory = await strategyFactory({ name: 'module', module, params: {} }, { replayCounter: { delivered: 0 } });
    expect(() => signalsOf(() => factory('MSFT'), msft, 5)).toThrow(LookAheadError);
  });

  it('loads a well-behaved user module and runs it through the contract', async () => {
    const module = join(tempDir(), 'momentum.mjs');
    writeFileSync(module, ['export default function createStrategy(params) {', ...momentumBody('ctx', 'i', 'up'), '}'].join('\n'));
    await expectModuleContract(module);
  });
});

describe('TypeScript user modules', () => {
  it('load through tsx and pass the contract', async () => {
    const module = join(tempDir(), 'momentum.ts');
    const types = join(process.cwd(), 'src/strategy/types.ts').replace(/\\/g, '/');
    writeFileSync(
      module,
      [`import type { Strategy, StrategyContext } from '${types}';`, 'export function createStrategy(params: { lookback: number }): Strategy {', ...momentumBody('ctx: StrategyContext', 'i: number', 'up: boolean'), '}'].join('\n'),
    );
    await expectModuleContract(module);
  });
});
