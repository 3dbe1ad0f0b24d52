/**
 * Cash, positions, fills, fees and realised P&L in decimal.js. Float64 mirrors of cash and of
 * signed position sizes are kept beside the decimals for per-bar valuation, which must not
 * allocate; they are refreshed from the decimals on every fill, so they never drift apart.
 */
import { Money, money, roundDownToStep, toFloat, ZERO } from './money.js';
import type { Costs, Direction, Fill, FillReason, Instrument, OpenPosition, OrderNote, OrderSide, Trade } from './types.js';

const BPS = new Money(10_000);

export interface OpenRequest {
  readonly symbolIndex: number;
  readonly direction: Direction;
  readonly quantity: Money;
  /** Raw market price (an open, a stop level); slippage is applied here. */
  readonly marketPrice: number;
  readonly time: number;
  readonly stopLossPct: number;
  readonly takeProfitPct: number;
  /** Gross exposure allowed, as a multiple of equity, for shorts. */
  readonly maxGrossExposure: number;
}

export class Ledger {
  cash: Money;
  /** Float mirror of {@link cash}. */
  cashValue: number;
  /** Signed position size per symbol (float mirror): > 0 long, < 0 short. */
  readonly signedQuantity: Float64Array;
  readonly positions: (OpenPosition | undefined)[];
  readonly fills: Fill[] = [];
  readonly trades: Trade[] = [];
  readonly notes: OrderNote[] = [];
  feesPaid: Money = ZERO;
  realizedPnl: Money = ZERO;
  private readonly feeRate: Money;
  /** 1 + fee rate: what one unit of notional costs on entry. */
  private readonly costPerNotional: Money;
  private readonly buyPriceFactor: Money;
  private readonly sellPriceFactor: Money;
  private readonly hasSlippage: boolean;
  /** No fee: skips the decimal work of charging zero on every fill. */
  private readonly tradingIsFree: boolean;
  private openShorts = 0;

  constructor(
    readonly initialCapital: Money,
    readonly instruments: readonly Instrument[],
    readonly costs: Costs,
  ) {
    this.cash = initialCapital;
    this.cashValue = initialCapital.toNumber();
    this.signedQuantity = new Float64Array(instruments.length);
    this.positions = instruments.map(() => undefined);
    this.feeRate = new Money(costs.feeBps).div(BPS);
    this.costPerNotional = this.feeRate.add(1);
    const slippageRate = new Money(costs.slippageBps).div(BPS);
    this.buyPriceFactor = slippageRate.add(1);
    this.sellPriceFactor = Money.sub(1, slippageRate);
    this.hasSlippage = costs.slippageBps !== 0;
    this.tradingIsFree = costs.feeBps === 0;
  }

  instrument(symbolIndex: number): Instrument {
    const instrument = this.instruments[symbolIndex];
    if (instrument === undefined) throw new Error(`no instrument at index ${symbolIndex}`);
    return instrument;
  }

  /** Price after slippage against the trader. */
  executionPrice(side: OrderSide, marketPrice: number): Money {
    const price = money(marketPrice);
    if (!this.hasSlippage) return price;
    return price.mul(side === 'buy' ? this.buyPriceFactor : this.sellPriceFactor);
  }

  /** Equity marked at the given last prices (float64, allocation-free). */
  equityAt(lastPrices: Float64Array): number {
    let equity = this.cashValue;
    for (let s = 0; s < this.signedQuantity.length; s++) equity += (this.signedQuantity[s] as number) * (lastPrices[s] as number);
    return equity;
  }

  /** Gross position value at the given prices (float64). */
  grossExposureAt(lastPrices: Float64Array): number {
    let gross = 0;
    for (let s = 0; s < this.signedQuantity.length; s++) gross += Math.abs((this.signedQuantity[s] as number) * (lastPrices[s] as number));
    return gross;
  }

  /** Exact equity: cash plus every position marked at the given prices. */
  equityDecimal(lastPrices: Float64Array): Money {
    let equity = this.cash;
    this.positions.forEach((position, s) => {
      if (position === undefined) return;
      const value = position.quantity.mul(money(lastPrices[s] as number));
      equity = position.direction === 'long' ? equity.add(value) : equity.sub(value);
    });
    return equity;
  }

  /**
   * Opens a position at the market price. The quantity is reduced to what can be paid for
   * (longs never drive cash negative; shorts stay within the gross exposure limit), rounded
   * down to the lot step; below min notional the order is skipped. Returns the filled size.
   */
  open(request: OpenRequest, lastPrices: Float64Array): Money {
    const { symbolIndex, direction, time } = request;
    const instrument = this.instrument(symbolIndex);
    if (this.positions[symbolIndex] !== undefined) {
      this.note(time, instrument.symbol, 'skipped', 'a position is already open');
      return ZERO;
    }
    const side: OrderSide = direction === 'long' ? 'buy' : 'sell';
    const price = this.executionPrice(side, request.marketPrice);
    let quantity = request.quantity;
    if (!this.clearlyAffordable(direction, quantity, request.marketPrice)) {
      const perUnitCost = price.mul(this.costPerNotional);
      const budget = direction === 'long' ? this.spendableCash(lastPrices) : this.shortBudget(request, lastPrices);
      if (quantity.mul(perUnitCost).gt(budget)) {
        const reduced = roundDownToStep(Money.max(budget.div(perUnitCost), 0), instrument.lotStep);
        this.note(time, instrument.symbol, 'reduced', `${direction} ${quantity.toFixed()} reduced to ${reduced.toFixed()}: ${direction === 'long' ? 'cash' : 'gross exposure'} covers only that at ${price.toFixed()}`);
        quantity = reduced;
      }
    }
    const notional = quantity.mul(price);
    if (quantity.lte(0) || notional.lt(instrument.minNotional)) {
      this.note(time, instrument.symbol, 'skipped', `entry of ${quantity.toFixed()} at ${price.toFixed()} is below min notional ${instrument.minNotional.toFixed()}`);
      return ZERO;
    }
    const fee = this.settle(side, notional);
    this.fills.push({ time, symbol: instrument.symbol, side, quantity, price, fee, reason: 'entry' });
    const entry = this.hasSlippage ? toFloat(price) : request.marketPrice;
    const sign = direction === 'long' ? 1 : -1;
    const units = toFloat(quantity);
    if (direction === 'short') this.openShorts++;
    this.positions[symbolIndex] = {
      direction,
      quantity,
      units,
      entryPrice: price,
      entryValue: entry,
      entryTime: time,
      entryFee: fee,
      stopPrice: request.stopLossPct > 0 ? entry * (1 - sign * request.stopLossPct) : NaN,
      takeProfitPrice: request.takeProfitPct > 0 ? entry * (1 + sign * request.takeProfitPct) : NaN,
    };
    this.signedQuantity[symbolIndex] = sign * units;
    return quantity;
  }

  /**
   * A float pre-check that skips the exact affordability test when a long, with no shorts open,
   * costs less than 99.9% of cash even at the worst rounding: only clear cases are decided here.
   */
  private clearlyAffordable(direction: 'long' | 'short', quantity: Money, marketPrice: number): boolean {
    if (direction !== 'long' || this.openShorts > 0) return false;
    const cost = toFloat(quantity) * marketPrice * (1 + (this.costs.slippageBps + this.costs.feeBps) / 10_000 + 1e-9);
    return cost < this.cashValue * 0.999;
  }

  /** Cash not securing open shorts: what a long entry may spend (shorts are cash-secured). */
  spendableCash(lastPrices: Float64Array): Money {
    let spendable = this.cash;
    if (this.openShorts === 0) return spendable;
    this.positions.forEach((position, s) => {
      if (position?.direction === 'short') spendable = spendable.sub(position.quantity.mul(money(lastPrices[s] as number)));
    });
    return spendable;
  }

  /** Notional a new short may add so that gross exposure stays within the limit. */
  private shortBudget(request: OpenRequest, lastPrices: Float64Array): Money {
    const equity = this.equityDecimal(lastPrices);
    const gross = money(this.grossExposureAt(lastPrices));
    return equity.mul(request.maxGrossExposure).sub(gross);
  }

  /** Closes the whole position at the market price (slippage applied) and records the trade. */
  close(symbolIndex: number, marketPrice: number, time: number, reason: FillReason): Trade | undefined {
    const position = this.positions[symbolIndex];
    if (position === undefined) return undefined;
    const instrument = this.instrument(symbolIndex);
    const side: OrderSide = position.direction === 'long' ? 'sell' : 'buy';
    const price = this.executionPrice(side, marketPrice);
    const notional = position.quantity.mul(price);
    const fee = this.settle(side, notional);
    this.fills.push({ time, symbol: instrument.symbol, side, quantity: position.quantity, price, fee, reason });
    const move = position.direction === 'long' ? price.sub(position.entryPrice) : position.entryPrice.sub(price);
    const fees = fee === ZERO ? position.entryFee : position.entryFee.add(fee);
    const gross = move.mul(position.quantity);
    const pnl = fees.isZero() ? gross : gross.sub(fees);
    const trade: Trade = {
      symbol: instrument.symbol,
      direction: position.direction,
      entryTime: position.entryTime,
      entryPrice: position.entryPrice,
      exitTime: time,
      exitPrice: price,
      quantity: position.quantity,
      fees,
      pnl,
      returnPct: toFloat(pnl) / (position.units * position.entryValue),
      exitReason: reason,
    };
    this.trades.push(trade);
    this.realizedPnl = this.realizedPnl.add(pnl);
    if (position.direction === 'short') this.openShorts--;
    this.positions[symbolIndex] = undefined;
    this.signedQuantity[symbolIndex] = 0;
    return trade;
  }

  note(time: number, symbol: string, kind: OrderNote['kind'], reason: string): void {
    this.notes.push({ time, symbol, kind, reason });
  }

  /** Moves cash by a fill's notional (a buy pays, a sell receives) and charges its fee, returned. */
  private settle(side: OrderSide, notional: Money): Money {
    const fee = this.tradingIsFree ? ZERO : notional.mul(this.feeRate);
    this.cash = side === 'buy' ? this.cash.sub(notional) : this.cash.add(notional);
    if (fee !== ZERO) {
      this.cash = this.cash.sub(fee);
      this.feesPaid = this.feesPaid.add(fee);
    }
    this.cashValue = toFloat(this.cash);
    return fee;
  }
}
