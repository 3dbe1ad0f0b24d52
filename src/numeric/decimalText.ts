/** Decimal notation with an optional exponent, as CSV numbers are read and written (not 0x10, not " 1 "). */
export const DECIMAL_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
