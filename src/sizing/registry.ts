/**
 * Builds the sizing engine a scenario names. One place maps configuration to engines, so the
 * simulation, the calculator and regress all size through the same code.
 */
import type { SizingConfig } from '../scenario/schema.js';
import { createFixedFraction, createFixedRisk } from './baselines.js';
import type { SizingEngine } from './types.js';

export function createSizingEngine(config: SizingConfig): SizingEngine {
  switch (config.engine) {
    case 'fixed-fraction':
      return createFixedFraction(config.params);
    case 'fixed-risk':
      return createFixedRisk();
  }
}
