export { createFixedFraction, createFixedRisk, createKellyBaseline, type FixedFractionParams } from './baselines.js';
export { capByLimits, decide, finalSize, type FinalSize } from './finalStage.js';
export { goalFactor, paceFactor, portfolioFactor, type GoalFactorResult } from './goalFactor.js';
export { createGoalKelly, driverGoalOf } from './goalKelly.js';
export { kellyEstimate, type KellyEstimate } from './kelly.js';
export { goalFactorSchema, goalKellyParamsSchema, kellyParamsSchema, pipelineParamsSchema, type GoalFactorParams, type GoalKellyParams, type KellyParams, type PipelineParams } from './params.js';
export { createPipeline } from './pipeline.js';
export { createSizingEngine, type SizingConfig } from './registry.js';
export type { EngineName, GoalInputs, GoalProgressInput, SizingDecision, SizingEngine, SizingNeeds, SizingRequest, SizingStage, TradeStats, VolatilityInput } from './types.js';
