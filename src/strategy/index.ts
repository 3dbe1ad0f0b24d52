export { createBreakout, type BreakoutParams } from './breakout.js';
export { createBuyAndHold } from './buyAndHold.js';
export { LookAheadError, SeriesHistory } from './history.js';
export { strategyFactory, strategyWindows, type StrategyInputs, type StrategySpec } from './registry.js';
export { createSignalsReplay, type ReplayCounter } from './signalsReplay.js';
export { createSmaCross, simpleAverage, type SmaCrossParams } from './smaCross.js';
export { fixedSignal, NO_SIGNALS, signalProblem, type SignalParams, type BarHistory, type Signal, type SignalSide, type Strategy, type StrategyContext, type StrategyFactory } from './types.js';
export { scheduledStrategyFactory } from './scheduled.js';
