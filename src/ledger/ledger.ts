/**
 * Cash, positions, fills, fees and realised P&L in exact fixed point (README "Simulation semantics"). Prices are
 * integers in the instrument's price increment (the decimals its data shows; slippage adds the
 * decimals of its factor), quantities in lot steps, cash in the account's minor unit, or finer
 * where a notional needs more decimals, so that no fill is ever rounded. Fees are rounded
 * half-even to the minor unit; protective levels half-even to the price increment. Float64
 * mirrors of cash and of signed position sizes serve per-bar valuation, which must not
 * allocate; they are refreshed from the exact values on every fill, so they never drift apart.
 */
import { Amount } from './amount.js';
import { add, compare, decimalPlaces, divPow10, fromFloat, mul, pow10, rescale, scaleUp, sub, toNumber, type Scaled } from '../numeric/fixed.js';
import type { Money } from './money.js';
import type { Costs, Direction, FillReason, Fill, Instrument, OpenPosition, OrderNote, OrderSide, Trade } from './types.js';

/** Cash decimals when the account names none: 1e-8 of the currency. */
export const DEFAULT_MINOR_UNIT_PLACES = 8;
/** Price decimals of an instrument that names none and has no data to show them. */
export const DEFAULT_PRICE_PLACES = 8;
const BPS_PLACES = 4;

export interface OpenRequest {
  readonly symbolIndex: number;
  readonly direction: Direction;
  /** Rounded down to the lot step here. */
  readonly quantity: Amount | Money;
  /** Raw market price (an open, a stop level); slippage is applied here. */
  readonly marketPrice: number;
  readonly time: number;
  readonly stopLossPct: number;
  readonly takeProfitPct: number;
  /** Gross exposure allowed, as a multiple of equity, for shorts. */
  readonly maxGrossExposure: number;
}

export interface LedgerOptions {
  /** Decimals of the account currency's minor unit (default 8). */
  readonly minorUnitPlaces?: number;
}

/** An instrument's scales and limits as integers, worked out once. */
interface Book {
  readonly symbol: string;
  readonly quantityPlaces: number;
  readonly stepUnits: Scaled;
  readonly pricePlaces: number;
  /** Decimals of a fill price: the price's, plus the slippage factor's. */
  readonly fillPlaces: number;
  /** Decimals from a quantity x fill price up to cash. */
  readonly notionalToCash: number;
  /** Decimals from a quantity x price (a mark) up to cash. */
  readonly markToCash: number;
  readonly minNotional: Scaled;
  readonly lotStep: Amount;
}

/** A rate as an integer over 10^places: basis points have 4 decimals more than their text. */
interface Rate {
  readonly units: Scaled;
  readonly places: number;
}

function rateOf(value: number, extraPlaces: number): Rate {
  const places = decimalPlaces(value);
  return { units: fromFloat(value, places), places: places + extraPlaces };
}

export class Ledger {
  /** Decimals of every cash amount (cash, notionals, P&L). */
  readonly cashPlaces: number;
  readonly minorUnitPlaces: number;
  /** Float mirror of {@link cash}. */
  cashValue: number;
  /** Float mirror of {@link realizedPnl}. */
  realizedPnlValue = 0;
  /** Float mirror of {@link interestEarned}. */
  interestValue = 0;
  /** Signed position size per symbol (float mirror): > 0 long, < 0 short. */
  readonly signedQuantity: Float64Array;
  readonly positions: (OpenPosition | undefined)[];
  readonly fills: Fill[] = [];
  readonly trades: Trade[] = [];
  readonly notes: OrderNote[] = [];
  readonly initialCapital: Amount;
  private cashUnits: Scaled;
  private feesUnits: Scaled = 0;
  private realizedUnits: Scaled = 0;
  private interestUnits: Scaled = 0;
  private readonly books: readonly Book[];
  private readonly fee: Rate;
  /** The slippage factor's numerators over 10^slippagePlaces, for buys and sells. */
  private readonly buyFactor: Scaled;
  private readonly sellFactor: Scaled;
  private readonly slippagePlaces: number;
  private readonly feeRateValue: number;
  private openShorts = 0;
  /** Positions open now, long or short. */
  openPositions = 0;

  constructor(
    initialCapital: Amount | Money,
    readonly instruments: readonly Instrument[],
    readonly costs: Costs,
    options: LedgerOptions = {},
  ) {
    this.minorUnitPlaces = options.minorUnitPlaces ?? DEFAULT_MINOR_UNIT_PLACES;
    this.fee = rateOf(costs.feeBps, BPS_PLACES);
    this.feeRateValue = costs.feeBps / 10_000;
    const slippage = rateOf(costs.slippageBps, BPS_PLACES);
    this.slippagePlaces = costs.slippageBps === 0 ? 0 : slippage.places;
    this.buyFactor = costs.slippageBps === 0 ? 1 : add(pow10(slippage.places), slippage.units);
    this.sellFactor = costs.slippageBps === 0 ? 1 : sub(pow10(slippage.places), slippage.units);
    const capital = Amount.of(initialCapital);
    const shapes = instruments.map((instrument) => {
      const lotStep = Amount.of(instrument.lotStep);
      const minNotional = Amount.of(instrument.minNotional);
      const pricePlaces = instrument.pricePlaces ?? DEFAULT_PRICE_PLACES;
      return { instrument, lotStep, minNotional, pricePlaces, fillPlaces: pricePlaces + this.slippagePlaces };
    });
    this.cashPlaces = Math.max(this.minorUnitPlaces, capital.scale, ...shapes.map((b) => Math.max(b.lotStep.scale + b.fillPlaces, b.minNotional.scale)));
    this.books = shapes.map(({ instrument, lotStep, minNotional, pricePlaces, fillPlaces }) => ({
      symbol: instrument.symbol,
      quantityPlaces: lotStep.scale,
      stepUnits: lotStep.scaled,
      pricePlaces,
      fillPlaces,
      notionalToCash: this.cashPlaces - lotStep.scale - fillPlaces,
      markToCash: this.cashPlaces - lotStep.scale - pricePlaces,
      minNotional: minNotional.at(this.cashPlaces).scaled,
      lotStep,
    }));
    this.initialCapital = capital.at(this.cashPlaces);
    this.cashUnits = this.initialCapital.scaled;
    this.cashValue = toNumber(this.cashUnits, this.cashPlaces);
    this.signedQuantity = new Float64Array(instruments.length);
    this.positions = instruments.map(() => undefined);
  }

  get cash(): Amount {
    return new Amount(this.cashUnits, this.cashPlaces);
  }

  get feesPaid(): Amount {
    return new Amount(this.feesUnits, this.minorUnitPlaces);
  }

  get realizedPnl(): Amount {
    return new Amount(this.realizedUnits, this.cashPlaces);
  }

  /** Interest booked on cash so far (see accrueInterest). */
  get interestEarned(): Amount {
    return new Amount(this.interestUnits, this.cashPlaces);
  }

  /**
   * Books interest on the cash balance while it is above 0: cash x `growth`, rounded half-even
   * to the minor unit (the one rounding, as a fee's), added to cash. `growth` is the rate's
   * growth over the days accrued, taken at the exact decimal of its double.
   */
  accrueInterest(growth: number): void {
    if (!(growth > 0) || compare(this.cashUnits, 0) <= 0) return;
    const places = decimalPlaces(growth);
    const interest = scaleUp(rescale(mul(this.cashUnits, fromFloat(growth, places)), this.cashPlaces + places, this.minorUnitPlaces, 'half-even'), this.cashPlaces - this.minorUnitPlaces);
    this.cashUnits = add(this.cashUnits, interest);
    this.interestUnits = add(this.interestUnits, interest);
    this.cashValue = toNumber(this.cashUnits, this.cashPlaces);
    this.interestValue = toNumber(this.interestUnits, this.cashPlaces);
  }

  instrument(symbolIndex: number): Instrument {
    const instrument = this.instruments[symbolIndex];
    if (instrument === undefined) throw new Error(`no instrument at index ${symbolIndex}`);
    return instrument;
  }

  private book(symbolIndex: number): Book {
    const book = this.books[symbolIndex];
    if (book === undefined) throw new Error(`no instrument at index ${symbolIndex}`);
    return book;
  }

  /** A market price on the instrument's grid, exactly; off the grid is an invariant broken. */
  private priceUnits(book: Book, marketPrice: number): Scaled {
    return fromFloat(marketPrice, book.pricePlaces);
  }

  /** Fill price (at the fill decimals) after slippage against the trader. */
  private fillUnits(book: Book, side: OrderSide, marketPrice: number): Scaled {
    const price = this.priceUnits(book, marketPrice);
    return this.slippagePlaces === 0 ? price : mul(price, side === 'buy' ? this.buyFactor : this.sellFactor);
  }

  /** Price after slippage against the trader. */
  executionPrice(side: OrderSide, marketPrice: number, symbolIndex = 0): Amount {
    const book = this.book(symbolIndex);
    return new Amount(this.fillUnits(book, side, marketPrice), book.fillPlaces);
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

  /** A position's value at a last price, exactly, in cash decimals. */
  private markUnits(s: number, position: OpenPosition, lastPrices: Float64Array): Scaled {
    const book = this.book(s);
    return scaleUp(mul(position.quantity.scaled, this.priceUnits(book, lastPrices[s] as number)), book.markToCash);
  }

  /** Exact equity: cash plus every position marked at the given prices. */
  equityDecimal(lastPrices: Float64Array): Amount {
    let equity = this.cashUnits;
    this.positions.forEach((position, s) => {
      if (position === undefined) return;
      const value = this.markUnits(s, position, lastPrices);
      equity = position.direction === 'long' ? add(equity, value) : sub(equity, value);
    });
    return new Amount(equity, this.cashPlaces);
  }

  /**
   * Cash not securing open shorts: what a long entry may spend. A short is secured by what
   * buying it back at the last price would cost, slippage and fee included, so that closing
   * it right away never leaves cash below zero.
   */
  spendableCash(lastPrices: Float64Array): Amount {
    return new Amount(this.spendableUnits(lastPrices), this.cashPlaces);
  }

  /** {@link spendableCash} as a float, for sizing: the cash itself, with nothing built, while no short is open. */
  spendableCashValue(lastPrices: Float64Array): number {
    return this.openShorts === 0 ? this.cashValue : toNumber(this.spendableUnits(lastPrices), this.cashPlaces);
  }

  private spendableUnits(lastPrices: Float64Array): Scaled {
    let spendable = this.cashUnits;
    if (this.openShorts === 0) return spendable;
    this.positions.forEach((position, s) => {
      if (position?.direction !== 'short') return;
      const book = this.book(s);
      spendable = sub(spendable, this.entryCost(book, position.quantity.scaled, this.fillUnits(book, 'buy', lastPrices[s] as number)));
    });
    return spendable;
  }

  /** Notional a new short may add so that gross exposure stays within the limit, rounded down to cash decimals. */
  private shortBudgetUnits(request: OpenRequest, lastPrices: Float64Array): Scaled {
    let gross: Scaled = 0;
    this.positions.forEach((position, s) => {
      if (position !== undefined) gross = add(gross, this.markUnits(s, position, lastPrices));
    });
    const limit = rateOf(request.maxGrossExposure, 0);
    const allowed = mul(this.equityDecimal(lastPrices).scaled, limit.units);
    return sub(divPow10(allowed, limit.places, 'floor'), gross);
  }

  /** Quantity as a count of the lot's decimals, rounded down to whole lot steps. */
  private lotUnits(book: Book, quantity: Amount | Money): Scaled {
    const amount = Amount.of(quantity);
    const units = rescale(amount.scaled, amount.scale, book.quantityPlaces, 'down');
    return book.stepUnits === 1 ? units : mul(wholeSteps(units, book.stepUnits), book.stepUnits);
  }

  /** The fee on a notional (lot decimals + fill decimals), rounded half-even to the minor unit. */
  private feeUnitsOf(book: Book, notional: Scaled): Scaled {
    if (this.costs.feeBps === 0) return 0;
    return rescale(mul(notional, this.fee.units), book.quantityPlaces + book.fillPlaces + this.fee.places, this.minorUnitPlaces, 'half-even');
  }

  /** What buying or selling `lots` costs in cash decimals, fee included. */
  private entryCost(book: Book, lots: Scaled, price: Scaled): Scaled {
    const notional = mul(lots, price);
    return add(scaleUp(notional, book.notionalToCash), scaleUp(this.feeUnitsOf(book, notional), this.cashPlaces - this.minorUnitPlaces));
  }

  /**
   * What a short of `lots` takes from the cash that is free: buying it back at once would cost
   * more than its sale brought (the slippage both ways and both fees), and that must be there.
   */
  private shortCarry(book: Book, lots: Scaled, marketPrice: number): Scaled {
    const sold = mul(lots, this.fillUnits(book, 'sell', marketPrice));
    const bought = mul(lots, this.fillUnits(book, 'buy', marketPrice));
    const fees = add(this.feeUnitsOf(book, sold), this.feeUnitsOf(book, bought));
    return add(scaleUp(sub(bought, sold), book.notionalToCash), scaleUp(fees, this.cashPlaces - this.minorUnitPlaces));
  }

  /**
   * The most lots, up to `asked`, whose `cost` is within `budget`: a float estimate of the cost
   * per lot step, settled by exact comparisons (cost grows with the lots).
   */
  private affordableLots(book: Book, asked: Scaled, budget: Scaled, costPerStep: number, cost: (lots: Scaled) => Scaled): Scaled {
    if (compare(cost(asked), budget) <= 0) return asked;
    if (compare(budget, 0) < 0) return 0;
    const step = book.stepUnits;
    let steps = costPerStep > 0 ? Math.floor(toNumber(budget, this.cashPlaces) / costPerStep) : 0;
    if (!Number.isFinite(steps) || steps < 0) steps = 0;
    const maxSteps = toNumber(asked, book.quantityPlaces) / toNumber(step, book.quantityPlaces);
    steps = Math.min(steps, Math.floor(maxSteps));
    while (steps > 0 && compare(cost(mul(steps, step)), budget) > 0) steps--;
    while (steps + 1 <= maxSteps && compare(cost(mul(steps + 1, step)), budget) <= 0) steps++;
    return mul(steps, step);
  }

  /**
   * Opens a position at the market price. The quantity is reduced to what can be paid for
   * (longs never drive cash negative; shorts stay within the gross exposure limit), rounded
   * down to the lot step; below min notional the order is skipped. Returns the filled size.
   */
  open(request: OpenRequest, lastPrices: Float64Array): Amount {
    const { symbolIndex, direction, time } = request;
    const book = this.book(symbolIndex);
    if (this.positions[symbolIndex] !== undefined) {
      this.note(time, book.symbol, 'skipped', 'a position is already open');
      return new Amount(0, book.quantityPlaces);
    }
    const side: OrderSide = direction === 'long' ? 'buy' : 'sell';
    const price = this.fillUnits(book, side, request.marketPrice);
    let lots = this.lotUnits(book, request.quantity);
    const lotsValue = toNumber(lots, book.quantityPlaces);
    if (!this.clearlyAffordable(direction, lotsValue, request.marketPrice)) {
      const show = (units: Scaled): string => new Amount(units, book.quantityPlaces).toFixed();
      const reduceTo = (budget: Scaled, costPerStep: number, cost: (lots: Scaled) => Scaled, what: string): void => {
        const reduced = this.affordableLots(book, lots, budget, costPerStep, cost);
        if (reduced === lots) return;
        this.note(time, book.symbol, 'reduced', `${direction} ${show(lots)} reduced to ${show(reduced)}: ${what} covers only that at ${new Amount(price, book.fillPlaces).toFixed()}`);
        lots = reduced;
      };
      const stepValue = toNumber(mul(price, book.stepUnits), book.fillPlaces + book.quantityPlaces);
      const entryCost = (n: Scaled): Scaled => this.entryCost(book, n, price);
      if (direction === 'long') reduceTo(this.spendableUnits(lastPrices), stepValue * (1 + this.feeRateValue), entryCost, 'cash');
      else {
        reduceTo(this.shortBudgetUnits(request, lastPrices), stepValue * (1 + this.feeRateValue), entryCost, 'gross exposure');
        const carryPerStep = stepValue * (2 * (this.costs.slippageBps + this.costs.feeBps) / 10_000);
        reduceTo(this.spendableUnits(lastPrices), carryPerStep, (n) => this.shortCarry(book, n, request.marketPrice), 'free cash');
      }
    }
    const notional = mul(lots, price);
    const quantity = new Amount(lots, book.quantityPlaces);
    if (compare(lots, 0) <= 0 || compare(scaleUp(notional, book.notionalToCash), book.minNotional) < 0) {
      this.note(time, book.symbol, 'skipped', `entry of ${quantity.toFixed()} at ${new Amount(price, book.fillPlaces).toFixed()} is below min notional ${new Amount(book.minNotional, this.cashPlaces).toFixed()}`);
      return new Amount(0, book.quantityPlaces);
    }
    const fee = this.settle(book, side, notional);
    const entryPrice = new Amount(price, book.fillPlaces);
    const entryFee = new Amount(fee, this.minorUnitPlaces);
    this.fills.push({ time, symbol: book.symbol, side, quantity, price: entryPrice, fee: entryFee, reason: 'entry' });
    const sign = direction === 'long' ? 1 : -1;
    const units = toNumber(lots, book.quantityPlaces);
    if (direction === 'short') this.openShorts++;
    this.openPositions++;
    this.positions[symbolIndex] = {
      direction,
      quantity,
      units,
      entryPrice,
      entryValue: this.slippagePlaces === 0 ? request.marketPrice : toNumber(price, book.fillPlaces),
      entryTime: time,
      entryFee,
      stopPrice: this.levelOf(book, price, -sign, request.stopLossPct),
      takeProfitPrice: this.levelOf(book, price, sign, request.takeProfitPct),
    };
    this.signedQuantity[symbolIndex] = sign * units;
    return quantity;
  }

  /**
   * A protective level, entry x (1 + direction x pct), on the instrument's price grid (rounded
   * half-even: an exchange takes stop orders in whole ticks); NaN when there is none.
   */
  private levelOf(book: Book, entry: Scaled, direction: number, pct: number): number {
    if (!(pct > 0) || !Number.isFinite(pct)) return NaN;
    const rate = rateOf(pct, 0);
    const factor = direction > 0 ? add(pow10(rate.places), rate.units) : sub(pow10(rate.places), rate.units);
    const level = rescale(mul(entry, factor), book.fillPlaces + rate.places, book.pricePlaces, 'half-even');
    return toNumber(level, book.pricePlaces);
  }

  /**
   * A float pre-check that skips the exact affordability test when a long, with no shorts open,
   * costs less than 99.9% of cash even at the worst rounding: only clear cases are decided here.
   */
  private clearlyAffordable(direction: Direction, quantity: number, marketPrice: number): boolean {
    if (direction !== 'long' || this.openShorts > 0) return false;
    const cost = quantity * marketPrice * (1 + (this.costs.slippageBps + this.costs.feeBps) / 10_000 + 1e-9);
    return cost < this.cashValue * 0.999;
  }

  /** Closes the whole position at the market price (slippage applied) and records the trade. */
  close(symbolIndex: number, marketPrice: number, time: number, reason: FillReason): Trade | undefined {
    const position = this.positions[symbolIndex];
    if (position === undefined) return undefined;
    const book = this.book(symbolIndex);
    const side: OrderSide = position.direction === 'long' ? 'sell' : 'buy';
    const price = this.fillUnits(book, side, marketPrice);
    const lots = position.quantity.scaled;
    const fee = this.settle(book, side, mul(lots, price));
    const exitPrice = new Amount(price, book.fillPlaces);
    const exitFee = new Amount(fee, this.minorUnitPlaces);
    this.fills.push({ time, symbol: book.symbol, side, quantity: position.quantity, price: exitPrice, fee: exitFee, reason });
    const entry = position.entryPrice.scaled;
    const move = position.direction === 'long' ? sub(price, entry) : sub(entry, price);
    const fees = add(position.entryFee.scaled, fee);
    const pnl = sub(scaleUp(mul(move, lots), book.notionalToCash), scaleUp(fees, this.cashPlaces - this.minorUnitPlaces));
    const pnlValue = toNumber(pnl, this.cashPlaces);
    const trade: Trade = {
      symbol: book.symbol,
      direction: position.direction,
      entryTime: position.entryTime,
      entryPrice: position.entryPrice,
      exitTime: time,
      exitPrice,
      quantity: position.quantity,
      fees: new Amount(fees, this.minorUnitPlaces),
      pnl: new Amount(pnl, this.cashPlaces),
      returnPct: pnlValue / (position.units * position.entryValue),
      exitReason: reason,
    };
    this.trades.push(trade);
    this.realizedUnits = add(this.realizedUnits, pnl);
    this.realizedPnlValue = toNumber(this.realizedUnits, this.cashPlaces);
    if (position.direction === 'short') this.openShorts--;
    this.openPositions--;
    this.positions[symbolIndex] = undefined;
    this.signedQuantity[symbolIndex] = 0;
    return trade;
  }

  note(time: number, symbol: string, kind: OrderNote['kind'], reason: string): void {
    this.notes.push({ time, symbol, kind, reason });
  }

  /** Moves cash by a fill's notional (a buy pays, a sell receives) and charges its fee, returned in minor units. */
  private settle(book: Book, side: OrderSide, notional: Scaled): Scaled {
    const fee = this.feeUnitsOf(book, notional);
    const cashNotional = scaleUp(notional, book.notionalToCash);
    this.cashUnits = side === 'buy' ? sub(this.cashUnits, cashNotional) : add(this.cashUnits, cashNotional);
    if (fee !== 0) {
      this.cashUnits = sub(this.cashUnits, scaleUp(fee, this.cashPlaces - this.minorUnitPlaces));
      this.feesUnits = add(this.feesUnits, fee);
    }
    this.cashValue = toNumber(this.cashUnits, this.cashPlaces);
    return fee;
  }
}

/** How many whole steps fit in `units` (toward zero). */
function wholeSteps(units: Scaled, step: Scaled): Scaled {
  if (typeof units === 'number' && typeof step === 'number') return (units - (units % step)) / step; // an exact multiple, so an exact quotient
  const quotient = BigInt(units) / BigInt(step);
  return quotient <= BigInt(Number.MAX_SAFE_INTEGER) && quotient >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(quotient) : quotient;
}
