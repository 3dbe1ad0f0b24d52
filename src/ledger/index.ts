export { Ledger, type OpenRequest } from './ledger.js';
export { affordableUnits, exceeds, Money, money, roughFloat, roundDownToStep, toFloat, ZERO } from './money.js';
export type { Costs, Direction, Fill, FillReason, Instrument, OpenPosition, OrderNote, OrderSide, Trade } from './types.js';
