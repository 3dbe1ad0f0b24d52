/**
 * Goals (README "Goals and the tracker"). Progress is current / target; expected progress is the elapsed fraction of
 * the goal's period (calendar time, UTC); pace = 1 + progress - expected. Pace uses the
 * difference, not a ratio, so sizing stays calm early in a month (seed 000).
 */
export const GOAL_TYPES = ['monthly_return', 'monthly_income', 'portfolio_value'] as const;
export type GoalType = (typeof GOAL_TYPES)[number];

export type GoalStatus = 'achieved' | 'on_track' | 'at_risk' | 'behind';

export interface GoalConfig {
  readonly type: GoalType;
  /** A fraction for monthly_return, an amount in account currency otherwise. */
  readonly target: number;
  /** 1 is the highest priority. */
  readonly priority: number;
  /** Epoch ms; portfolio_value only: the expected path is geometric up to it. */
  readonly targetDate?: number | undefined;
}

/** One goal's state at an instant. */
export interface GoalProgress {
  readonly goal: GoalType;
  readonly current: number;
  readonly target: number;
  readonly progress: number;
  readonly expected: number;
  readonly pace: number;
  readonly status: GoalStatus;
  readonly daysRemaining: number | null;
  readonly requiredDailyReturn: number | null;
}

/** Progress and expected progress of one goal (fractions of its target, see progress.ts). */
export interface GoalProgressInput {
  readonly progress: number;
  readonly expected: number;
  /** The goal's target, when known (for the reasoning text). */
  readonly target?: number | undefined;
}

/** What the goal-aware sizing engines read about the goals at decision time. */
export type GoalInputs = { readonly [goal in GoalType]?: GoalProgressInput | undefined } & {
  /** The goal whose schedule drives the tracker's risk right now, when a tracker runs. */
  readonly driver?: GoalType | undefined;
};
