import type { Amount } from './amount.js';
import type { Money } from './money.js';

export type Direction = 'long' | 'short';
export type OrderSide = 'buy' | 'sell';

/** How an instrument trades: lot step and minimum order value, both decimals, and its price grid. */
export interface Instrument {
  readonly symbol: string;
  readonly assetClass: string;
  readonly lotStep: Money;
  readonly minNotional: Money;
  /**
   * Decimals of the instrument's price increment (0.01 -> 2). The simulation takes them from
   * the data when absent (see priceGrid.ts); a ledger made without data assumes 8.
   */
  readonly pricePlaces?: number | undefined;
}

export interface Costs {
  /** Fee in basis points of traded notional, charged on every fill. */
  readonly feeBps: number;
  /** Price concession in basis points against the trader on every fill. */
  readonly slippageBps: number;
}

export type FillReason = 'entry' | 'exit' | 'stop_loss' | 'take_profit' | 'close_at_end';

export interface Fill {
  readonly time: number;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly quantity: Amount;
  /** Price after slippage. */
  readonly price: Amount;
  readonly fee: Amount;
  readonly reason: FillReason;
}

/** A closed round trip; `pnl` is net of both fills' fees. */
export interface Trade {
  readonly symbol: string;
  readonly direction: Direction;
  readonly entryTime: number;
  readonly entryPrice: Amount;
  readonly exitTime: number;
  readonly exitPrice: Amount;
  readonly quantity: Amount;
  readonly fees: Amount;
  readonly pnl: Amount;
  /** Net P&L over the entry notional, used for Kelly statistics. */
  readonly returnPct: number;
  readonly exitReason: FillReason;
}

export interface OpenPosition {
  readonly direction: Direction;
  /** Positive size in units. */
  readonly quantity: Amount;
  /** Float mirror of quantity. */
  readonly units: number;
  readonly entryPrice: Amount;
  /** Float mirror of entryPrice. */
  readonly entryValue: number;
  readonly entryTime: number;
  readonly entryFee: Amount;
  /** Protective prices; NaN when none. */
  readonly stopPrice: number;
  readonly takeProfitPrice: number;
}

/** Why an order did not fill, or was reduced; a value in the log, never a thrown error. */
export interface OrderNote {
  readonly time: number;
  readonly symbol: string;
  readonly kind: 'reduced' | 'skipped';
  readonly reason: string;
}
