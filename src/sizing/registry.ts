/**
 * Builds the sizing engine a scenario names. One place maps configuration to engines, so the
 * simulation, the calculator and regress all size through the same code.
 */
import { createFixedFraction, createFixedRisk, createKellyBaseline } from './baselines.js';
import { createGoalKelly } from './goalKelly.js';
import type { GoalKellyParams, KellyParams, PipelineParams } from './params.js';
import { createPipeline } from './pipeline.js';
import type { SizingEngine } from './types.js';

export type SizingConfig =
  | { readonly engine: 'fixed-fraction'; readonly params: { readonly fraction: number } }
  | { readonly engine: 'fixed-risk'; readonly params: Readonly<Record<string, never>> }
  | { readonly engine: 'kelly'; readonly params: KellyParams }
  | { readonly engine: 'pipeline'; readonly params: PipelineParams }
  | { readonly engine: 'goal-kelly'; readonly params: GoalKellyParams };

export function createSizingEngine(config: SizingConfig): SizingEngine {
  switch (config.engine) {
    case 'fixed-fraction':
      return createFixedFraction(config.params);
    case 'fixed-risk':
      return createFixedRisk();
    case 'kelly':
      return createKellyBaseline(config.params);
    case 'pipeline':
      return createPipeline(config.params);
    case 'goal-kelly':
      return createGoalKelly(config.params);
  }
}
