/** The seeds' goal sets (README "Goals and the tracker"). Priorities follow seed 001's default goals table. */
import type { GoalConfig } from './types.js';

export interface GoalPreset {
  readonly currency: string;
  readonly goals: readonly GoalConfig[];
}

export const GOAL_PRESETS = {
  'seed-000': {
    currency: 'EUR',
    goals: [
      { type: 'monthly_return', target: 0.1, priority: 1 },
      { type: 'monthly_income', target: 4000, priority: 2 },
      { type: 'portfolio_value', target: 1_000_000, priority: 3 },
    ],
  },
  'seed-001': {
    currency: 'USD',
    goals: [
      { type: 'monthly_return', target: 0.1, priority: 1 },
      { type: 'monthly_income', target: 10_000, priority: 2 },
      { type: 'portfolio_value', target: 1_000_000, priority: 3 },
    ],
  },
} as const satisfies Record<string, GoalPreset>;

export type GoalPresetName = keyof typeof GOAL_PRESETS;
