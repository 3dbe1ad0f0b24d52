export { Ledger, type OpenRequest } from './ledger.js';
export { Amount } from './amount.js';
export { add, compare, decimalPlaces, divPow10, format, fromFloat, mul, parseScaled, pow10, rescale, scaleUp, sub, toNumber, type Rounding, type Scaled } from '../numeric/fixed.js';
export { DEFAULT_MINOR_UNIT_PLACES, DEFAULT_PRICE_PLACES, type LedgerOptions } from './ledger.js';
export { pricePlacesOf } from './priceGrid.js';
export { affordableSteps, affordableUnits, exceeds, Money, money, roughFloat, roundDownToStep, toFloat, ZERO } from './money.js';
export type { Costs, Direction, Fill, FillReason, Instrument, OpenPosition, OrderNote, OrderSide, Trade } from './types.js';
