export { createFixedFraction, createFixedRisk, type FixedFractionParams } from './baselines.js';
export { decide, finalSize, type FinalSize } from './finalStage.js';
export { createSizingEngine } from './registry.js';
export type { EngineName, SizingNeeds, GoalInputs, GoalProgressInput, SizingDecision, SizingEngine, SizingRequest, SizingStage, TradeStats, VolatilityInput } from './types.js';
