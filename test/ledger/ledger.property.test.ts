import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ledger, Money, money, ZERO, type Instrument } from '../../src/ledger/index.js';

const instruments: Instrument[] = [
  { symbol: 'A', assetClass: 'equity', lotStep: money('1'), minNotional: money('0') },
  { symbol: 'B', assetClass: 'crypto', lotStep: money('0.001'), minNotional: money('10') },
];

/** One step of a random trading session: an entry, an exit, or a price move. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('open' as const), symbol: fc.integer({ min: 0, max: 1 }), short: fc.boolean(), quantity: fc.integer({ min: 1, max: 5000 }) }),
  fc.record({ kind: fc.constant('close' as const), symbol: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ kind: fc.constant('move' as const), symbol: fc.integer({ min: 0, max: 1 }), factor: fc.double({ min: 0.5, max: 1.5, noNaN: true }) }),
);

describe('ledger invariants (property tests)', () => {
  it('cash + positions = equity; flat => equity = initial + net P&L; fees add up; longs never spend cash they do not have', () => {
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 30 }),
        (steps, feeBps, slippageBps) => {
          const initial = money('100000');
          const ledger = new Ledger(initial, instruments, { feeBps, slippageBps });
          const prices = new Float64Array([100, 2500]);
          let time = 0;
          for (const s of steps) {
            time += 1;
            if (s.kind === 'move') prices[s.symbol] = Math.round((prices[s.symbol] as number) * s.factor * 100) / 100;
            else if (s.kind === 'close') ledger.close(s.symbol, prices[s.symbol] as number, time, 'exit');
            else {
              const filled = ledger.open({ symbolIndex: s.symbol, direction: s.short ? 'short' : 'long', quantity: money(s.quantity), marketPrice: prices[s.symbol] as number, time, stopLossPct: NaN, takeProfitPct: NaN, maxGrossExposure: 1 }, prices);
              if (!s.short && filled.gt(0)) expect(ledger.spendableCash(prices).gte(0), 'a long entry never spends cash that secures shorts or does not exist').toBe(true);
            }
            // cash + marked positions = equity, exactly in decimals and closely in float64
            let marked = ledger.cash;
            ledger.positions.forEach((p, i) => {
              if (p !== undefined) marked = marked.add(p.quantity.mul(money(prices[i] as number)).mul(p.direction === 'long' ? 1 : -1));
            });
            expect(ledger.equityDecimal(prices).eq(marked)).toBe(true);
            expect(Math.abs(ledger.equityAt(prices) - marked.toNumber())).toBeLessThan(1e-6 * Math.max(1, Math.abs(marked.toNumber())));
          }
          ledger.positions.forEach((_, i) => ledger.close(i, prices[i] as number, time + 1, 'close_at_end'));
          const netPnl = ledger.trades.reduce((sum, t) => sum.add(t.pnl), ZERO);
          expect(ledger.cash.eq(initial.add(netPnl)), 'flat: equity = initial capital + sum of net P&L').toBe(true);
          const fillFees = ledger.fills.reduce((sum, f) => sum.add(f.fee), ZERO);
          const tradeFees = ledger.trades.reduce((sum, t) => sum.add(t.fees), ZERO);
          expect(fillFees.eq(ledger.feesPaid) && tradeFees.eq(ledger.feesPaid), 'fees of fills, of trades and the total agree').toBe(true);
          for (const fill of ledger.fills) expect(fill.fee.eq(fill.quantity.mul(fill.price).mul(new Money(feeBps).div(10000)))).toBe(true);
        },
      ),
      { numRuns: 300, seed: 20261122 },
    );
  });

  it('reduces an unaffordable order to the affordable lot and logs it', () => {
    const ledger = new Ledger(money('1000'), instruments, { feeBps: 10, slippageBps: 0 });
    const filled = ledger.open({ symbolIndex: 0, direction: 'long', quantity: money(20), marketPrice: 100, time: 1, stopLossPct: NaN, takeProfitPct: NaN, maxGrossExposure: 1 }, new Float64Array([100, 1]));
    // 1000 / (100 * 1.001) = 9.99 -> 9 whole shares
    expect(filled.toFixed()).toBe('9');
    expect(ledger.cash.toFixed()).toBe('99.1'); // 1000 - 900 - 0.9 fee
    expect(ledger.notes[0]).toMatchObject({ kind: 'reduced' });
  });

  it('skips an order below min notional with a note, never an error', () => {
    const ledger = new Ledger(money('1000'), instruments, { feeBps: 0, slippageBps: 0 });
    const filled = ledger.open({ symbolIndex: 1, direction: 'long', quantity: money('0.003'), marketPrice: 2500, time: 1, stopLossPct: NaN, takeProfitPct: NaN, maxGrossExposure: 1 }, new Float64Array([1, 2500]));
    expect(filled.isZero()).toBe(true);
    expect(ledger.notes[0]?.reason).toMatch(/below min notional 10/);
    expect(ledger.cash.toFixed()).toBe('1000');
  });

  it('applies slippage against the trader on both sides', () => {
    const ledger = new Ledger(money('10000'), instruments, { feeBps: 0, slippageBps: 10 });
    expect(ledger.executionPrice('buy', 100).toFixed()).toBe('100.1');
    expect(ledger.executionPrice('sell', 100).toFixed()).toBe('99.9');
  });
});
