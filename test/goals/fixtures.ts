/** A tracker on a hand-driven timeline from 1 Jan 2021: `at(time, equity)` runs one cycle there. */
import { GoalTracker, type GoalConfig, type TrackerSettings } from '../../src/goals/index.js';
import { Ledger, money } from '../../src/ledger/index.js';
import type { PortfolioView } from '../../src/sim/types.js';

export const START = Date.UTC(2021, 0, 1);
export const RETURN_GOAL: GoalConfig = { type: 'monthly_return', target: 0.1, priority: 1 };
/** The tracker's defaults (README "Goals and the tracker"), with no milestones unless a test names them. */
export const BASE_SETTINGS: TrackerSettings = { intervalMinutes: 60, cooldownHours: 24, maxStepIncrease: 0.5, maxRisk: 0.05, drawdownRiskMultiplier: 0.5, milestones: [], periodsPerYear: 365 };

export interface TrackedSetup {
  readonly goals?: readonly GoalConfig[];
  readonly settings?: Partial<TrackerSettings>;
  readonly riskTolerance?: number;
}

export function tracked({ goals = [RETURN_GOAL], settings = {}, riskTolerance = 0.02 }: TrackedSetup = {}) {
  const tracker = new GoalTracker(goals, { ...BASE_SETTINGS, ...settings }, { riskTolerance, maxDrawdownPct: 0.15, initialCapital: 100_000 }, START);
  const ledger = new Ledger(money('100000'), [], { feeBps: 0, slippageBps: 0 });
  const portfolio = { ledger, lastPrices: new Float64Array(0), equity: 100_000, peakEquity: 100_000 };
  const at = (time: number, equity: number, peak = Math.max(portfolio.peakEquity, equity)): void => {
    Object.assign(portfolio, { equity, peakEquity: peak });
    tracker.onTimer('interval', time, portfolio as PortfolioView);
  };
  return { tracker, portfolio, at };
}
