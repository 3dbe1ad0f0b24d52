import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ledger, Money, money, type Instrument } from '../../src/ledger/index.js';

const instruments: Instrument[] = [
  { symbol: 'A', assetClass: 'equity', lotStep: money('1'), minNotional: money('0') },
  { symbol: 'B', assetClass: 'crypto', lotStep: money('0.001'), minNotional: money('10') },
];

/**
 * One step of a random trading session: an entry (a size, or one near the most the cash pays
 * for: `nearLimit` lots from it), an exit, or a price move on a 0.01 grid.
 */
const step = fc.oneof(
  fc.record({ kind: fc.constant('open' as const), symbol: fc.integer({ min: 0, max: 1 }), short: fc.boolean(), quantity: fc.integer({ min: 1, max: 5000 }), nearLimit: fc.option(fc.integer({ min: -1, max: 2 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('close' as const), symbol: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ kind: fc.constant('move' as const), symbol: fc.integer({ min: 0, max: 1 }), factor: fc.double({ min: 0.5, max: 1.5, noNaN: true }) }),
);

const D = (value: number | string): Money => new Money(value);
const LOT = [D('1'), D('0.001')];

/**
 * The ledger's rules in plain decimal.js, written apart from the fixed-point code: fills at
 * price x (1 +- slippage), fee = notional x feeBps / 10^4 rounded half-even to 1e-8, longs pay
 * from cash not securing shorts (their cost to buy back now), shorts stay within 1 x equity of
 * gross exposure and may not use cash that secures shorts for their own slippage and fees.
 */
class ReferenceBook {
  cash: Money;
  fees = D(0);
  readonly held: ({ short: boolean; quantity: Money; entry: Money; fee: Money } | undefined)[] = [undefined, undefined];
  constructor(
    initial: Money,
    private readonly feeBps: number,
    private readonly slippageBps: number,
  ) {
    this.cash = initial;
  }
  fillPrice(buy: boolean, price: number): Money {
    const slip = D(this.slippageBps).div(10_000);
    return D(price).mul(buy ? D(1).add(slip) : D(1).sub(slip));
  }
  feeOf(notional: Money): Money {
    return notional.mul(this.feeBps).div(10_000).toDecimalPlaces(8, Money.ROUND_HALF_EVEN);
  }
  marked(prices: Float64Array): Money {
    return this.held.reduce((sum, p, i) => (p === undefined ? sum : sum.add(p.quantity.mul(prices[i] as number).mul(p.short ? -1 : 1))), this.cash);
  }
  /** What buying back every short at the given prices costs, slippage and fee included. */
  shortCover(prices: Float64Array): Money {
    return this.held.reduce((sum, p, i) => {
      if (p?.short !== true) return sum;
      const notional = p.quantity.mul(this.fillPrice(true, prices[i] as number));
      return sum.add(notional).add(this.feeOf(notional));
    }, D(0));
  }
  budget(short: boolean, prices: Float64Array): Money {
    if (!short) return this.cash.sub(this.shortCover(prices));
    const gross = this.held.reduce((sum, p, i) => (p === undefined ? sum : sum.add(p.quantity.mul(prices[i] as number))), D(0));
    return this.marked(prices).sub(gross);
  }
  /** The most lots (of symbol s) the budget pays for, fee included; a short also carries its buy-back costs from free cash. */
  affordable(s: number, short: boolean, prices: Float64Array): Money {
    const price = this.fillPrice(!short, prices[s] as number);
    const lot = LOT[s] as Money;
    const most = (budget: Money, cost: (n: Money) => Money): Money => {
      let lots = D(0);
      for (let span = D(2).pow(40); span.gte(1); span = span.div(2)) if (cost(lots.add(span)).lte(budget)) lots = lots.add(span);
      return lots;
    };
    const entry = (n: Money): Money => n.mul(lot).mul(price).add(this.feeOf(n.mul(lot).mul(price)));
    let lots = most(this.budget(short, prices), entry);
    if (short) {
      const back = this.fillPrice(true, prices[s] as number);
      const carry = (n: Money): Money => n.mul(lot).mul(back.sub(price)).add(this.feeOf(n.mul(lot).mul(price))).add(this.feeOf(n.mul(lot).mul(back)));
      lots = Money.min(lots, most(this.budget(false, prices), carry));
    }
    return lots.mul(lot);
  }
}

describe('ledger invariants (property tests against a decimal.js model)', () => {
  it('cash, fees and equity match the model exactly; flat => equity = initial + net P&L; long entries never spend cash securing shorts', () => {
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 30 }),
        (steps, feeBps, slippageBps) => {
          const initial = money('100000');
          const ledger = new Ledger(initial, instruments.map((i) => ({ ...i, pricePlaces: 2 })), { feeBps, slippageBps });
          const model = new ReferenceBook(initial, feeBps, slippageBps);
          const prices = new Float64Array([100, 2500]);
          let time = 0;
          for (const s of steps) {
            time += 1;
            if (s.kind === 'move') prices[s.symbol] = Math.max(0.01, Math.round((prices[s.symbol] as number) * s.factor * 100) / 100);
            else if (s.kind === 'close') {
              const held = model.held[s.symbol];
              ledger.close(s.symbol, prices[s.symbol] as number, time, 'exit');
              if (held !== undefined) {
                const price = model.fillPrice(held.short, prices[s.symbol] as number);
                const notional = held.quantity.mul(price);
                const fee = model.feeOf(notional);
                model.cash = (held.short ? model.cash.sub(notional) : model.cash.add(notional)).sub(fee);
                model.fees = model.fees.add(fee);
                model.held[s.symbol] = undefined;
              }
            } else {
              const limit = model.affordable(s.symbol, s.short, prices);
              const asked = s.nearLimit === undefined ? D(s.quantity).mul(LOT[s.symbol] as Money) : Money.max(0, limit.add((LOT[s.symbol] as Money).mul(s.nearLimit)));
              const filled = ledger.open({ symbolIndex: s.symbol, direction: s.short ? 'short' : 'long', quantity: asked, marketPrice: prices[s.symbol] as number, time, stopLossPct: NaN, takeProfitPct: NaN, maxGrossExposure: 1 }, prices);
              if (model.held[s.symbol] === undefined) {
                const expected = Money.min(asked, limit);
                const price = model.fillPrice(!s.short, prices[s.symbol] as number);
                const belowMin = expected.mul(price).lt(instruments[s.symbol]?.minNotional ?? 0) || expected.lte(0);
                expect(filled.toDecimal().eq(belowMin ? 0 : expected), `fills min(asked ${asked.toFixed()}, affordable ${limit.toFixed()})`).toBe(true);
                if (!belowMin) {
                  const notional = expected.mul(price);
                  const fee = model.feeOf(notional);
                  model.cash = (s.short ? model.cash.add(notional) : model.cash.sub(notional)).sub(fee);
                  model.fees = model.fees.add(fee);
                  model.held[s.symbol] = { short: s.short, quantity: expected, entry: price, fee };
                }
              } else expect(filled.isZero(), 'one position per symbol').toBe(true);
              if (filled.sign() > 0) expect(model.cash.sub(model.shortCover(prices)).gte(0), 'after an entry, closing every short at once leaves cash >= 0: entries never spend cash that secures shorts').toBe(true);
            }
            expect(ledger.cash.toDecimal().eq(model.cash), 'cash as the model computes it').toBe(true);
            if (!steps.some((t) => t.kind === 'open' && t.short)) expect(ledger.cash.sign() >= 0, 'a long-only session never has negative cash').toBe(true);
            const marked = model.marked(prices);
            expect(ledger.equityDecimal(prices).toDecimal().eq(marked), 'cash + marked positions = equity').toBe(true);
            expect(Math.abs(ledger.equityAt(prices) - marked.toNumber())).toBeLessThan(1e-6 * Math.max(1, Math.abs(marked.toNumber())));
          }
          ledger.positions.forEach((_, i) => ledger.close(i, prices[i] as number, time + 1, 'close_at_end'));
          const netPnl = ledger.trades.reduce((sum, t) => sum.add(t.pnl.toDecimal()), D(0));
          expect(ledger.cash.toDecimal().eq(initial.add(netPnl)), 'flat: equity = initial capital + sum of net P&L').toBe(true);
          const fillFees = ledger.fills.reduce((sum, f) => sum.add(f.fee.toDecimal()), D(0));
          const tradeFees = ledger.trades.reduce((sum, t) => sum.add(t.fees.toDecimal()), D(0));
          const paid = ledger.feesPaid.toDecimal();
          expect(fillFees.eq(paid) && tradeFees.eq(paid), 'fees of fills, of trades and the total agree').toBe(true);
          for (const fill of ledger.fills) expect(fill.fee.toDecimal().eq(model.feeOf(fill.quantity.toDecimal().mul(fill.price.toDecimal()))), 'each fee rounded half-even to 1e-8').toBe(true);
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
