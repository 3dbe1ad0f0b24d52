import type { Money } from './money.js';

export type Direction = 'long' | 'short';
export type OrderSide = 'buy' | 'sell';

/** How an instrument trades: lot step and minimum order value, both ledger decimals. */
export interface Instrument {
  readonly symbol: string;
  readonly assetClass: string;
  readonly lotStep: Money;
  readonly minNotional: Money;
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
  readonly quantity: Money;
  /** Price after slippage. */
  readonly price: Money;
  readonly fee: Money;
  readonly reason: FillReason;
}

/** A closed round trip; `pnl` is net of both fills' fees. */
export interface Trade {
  readonly symbol: string;
  readonly direction: Direction;
  readonly entryTime: number;
  readonly entryPrice: Money;
  readonly exitTime: number;
  readonly exitPrice: Money;
  readonly quantity: Money;
  readonly fees: Money;
  readonly pnl: Money;
  /** Net P&L over the entry notional, used for Kelly statistics. */
  readonly returnPct: number;
  readonly exitReason: FillReason;
}

export interface OpenPosition {
  readonly direction: Direction;
  /** Positive size in units. */
  readonly quantity: Money;
  /** Float mirror of quantity. */
  readonly units: number;
  readonly entryPrice: Money;
  /** Float mirror of entryPrice. */
  readonly entryValue: number;
  readonly entryTime: number;
  readonly entryFee: Money;
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
