export { createFixedFraction, createFixedRisk, createKellyBaseline } from './baselines.js';
export { capByLimits, decide, finalSize, reasoned, type FinalSize, type Reasoning, type ReasoningFact } from './finalStage.js';
export { goalFactor, paceFactor, portfolioFactor, type GoalFactorResult } from './goalFactor.js';
export { createGoalKelly, driverGoalOf } from './goalKelly.js';
export { kellyEstimate, type KellyEstimate } from './kelly.js';
export { goalFactorSchema, goalKellyParamsSchema, kellyParamsSchema, pipelineParamsSchema, type GoalFactorParams, type GoalKellyParams, type KellyParams, type PipelineParams } from './params.js';
export { createPipeline } from './pipeline.js';
export { BUILT_IN_ENGINE_NAMES, createSizingEngine, ENGINE_CATALOGUE, isBuiltInEngine, type BuiltInEngineName, type EngineName, type SizingConfig } from './registry.js';
export type { GoalInputs, GoalProgressInput, SizingDecision, SizingEngine, SizingNeeds, SizingRequest, SizingStage, TradeStats, VolatilityInput } from './types.js';
