/** The equity curve a run records: a leaf module, read by the metrics and the reports. */

/** Equity sampled at every instant (after marking to market), columnar. */
export interface EquityCurve {
  readonly length: number;
  readonly time: Float64Array;
  readonly equity: Float64Array;
  readonly cash: Float64Array;
  /** Gross position value / equity. */
  readonly exposure: Float64Array;
  /** 1 - equity / running peak. */
  readonly drawdown: Float64Array;
}
