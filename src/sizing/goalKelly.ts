/**
 * Engine `goal-kelly` (README "Sizing engines"; seed 001's position sizing engine): the risk amount comes from
 * the tracker's goal-adjusted risk, the position value from the stop distance, then
 * half-Kelly x confidence, clamped to [minPositionPct, maxPositionPct] of equity. Exact
 * decimals throughout, so the source system's golden example is reproduced to the digit.
 */
import { GOAL_TYPES, type GoalType } from '../goals/types.js';
import { Money, toFloat } from '../ledger/index.js';
import { bindingOf, capByLimits, decide, finalSize, goalEffectOf, pct, reasoned, type FinalSize, type StageStep } from './finalStage.js';
import { kellyEstimate } from './kelly.js';
import type { GoalKellyParams } from './params.js';
import type { GoalInputs, SizingEngine, SizingRequest, SizingStage, TradeWindow } from './types.js';

type Decimal = InstanceType<typeof Money>;

function windowText(window: TradeWindow): string {
  return typeof window === 'number' ? `the last ${window} closed trades` : `the trades closed in the last ${window.days} days`;
}

const GOAL_LABELS: Readonly<Record<GoalType, string>> = { monthly_return: 'monthly return', monthly_income: 'monthly income', portfolio_value: 'portfolio value' };

/**
 * The goal whose schedule drives risk: the configured one, else the tracker's (its highest-priority
 * goal not yet achieved), else, with goals given by hand, the first present.
 */
export function driverGoalOf(goals: GoalInputs | undefined, configured: GoalType | undefined): GoalType | undefined {
  if (configured !== undefined) return configured;
  if (goals?.driver !== undefined) return goals.driver;
  return GOAL_TYPES.find((goal) => goals?.[goal] !== undefined);
}

function goalSentence(driver: GoalType | null, progress: number, expected: number, target: number | null): string {
  if (driver === null) return 'Position sized without goal progress.';
  const targetText = target === null ? '' : driver === 'monthly_return' ? ` (${pct(target)})` : ` (${target.toFixed(2)})`;
  const schedule = progress < expected ? 'behind schedule' : progress > expected ? 'ahead of schedule' : 'on schedule';
  return `Position sized for ${GOAL_LABELS[driver]} goal${targetText}.\nCurrently ${schedule} (${pct(progress, 1)} progress, ${pct(expected, 1)} time elapsed).`;
}

export function createGoalKelly(params: GoalKellyParams): SizingEngine {
  return {
    name: 'goal-kelly',
    needs: { tradeStatsWindow: params.window, exposure: true, goals: true, ...(params.riskSource === 'tracker' ? { trackerRisk: 'the risk amount: equity x the risk per trade, before the stop distance and Kelly' } : {}) },
    size(request: SizingRequest) {
      const equity = new Money(request.equity);
      const kelly = kellyEstimate(request.tradeStats, params);
      const hasStop = request.stopLossPct > 0;
      const negativeEdge = kelly.fraction.lte(0);
      /** Steps 1-5 at a risk per trade: the tracker's adjusted risk, or the base risk for the goal's effect. */
      const chain = (riskRate: number): { stages: SizingStage[]; steps: StageStep[]; riskAmount: Decimal; limited: Decimal } => {
        const risk = new Money(riskRate);
        const riskAmount = equity.mul(risk);
        const positionValue = hasStop ? riskAmount.div(request.stopLossPct) : new Money(0);
        const sized = positionValue.mul(Money.max(kelly.fraction, 0)).mul(params.kellyFraction).mul(request.confidence);
        const floored = Money.max(sized, equity.mul(params.minPositionPct));
        const bounded = capByLimits(floored, request, params.maxPositionPct, Infinity, {});
        const limited = capByLimits(bounded, request, params.maxPositionPct, Infinity, params.assetClassLimits);
        const values = [toFloat(riskAmount), toFloat(positionValue), toFloat(sized), toFloat(bounded), toFloat(limited)];
        const names = ['risk_amount', 'position_value', 'kelly', 'bounds', 'limits'];
        return {
          stages: names.map((name, i) => ({ name, value: values[i] as number })),
          steps: names.map((name, i) => ({ name, before: i === 0 ? NaN : (values[i - 1] as number), after: values[i] as number, clamp: name === 'bounds' || name === 'limits' })),
          riskAmount,
          limited,
        };
      };
      // the goal-off twin's risk: the base risk under drawdown protection, which is not a goal
      const goalFree = request.goalFreeRisk ?? request.riskTolerance;
      const risk = params.riskSource === 'tracker' ? request.currentRisk : goalFree;
      const adjusted = chain(risk);
      const final = finalSize(adjusted.limited, request);
      const neutral = risk === goalFree ? final : finalSize(chain(goalFree).limited, request);
      const skipped = !hasStop ? 'no stop-loss distance to size from' : negativeEdge && params.negativeEdge === 'skip' ? 'negative edge' : null;
      const driver = driverGoalOf(request.goals, params.driverGoal);
      const winRate = request.tradeStats !== undefined && kelly.source === 'trades' ? request.tradeStats.winRate : kelly.winRate;
      const sharpe = request.tradeStats?.sharpe ?? 0;
      const driverInput = driver === undefined ? undefined : request.goals?.[driver];
      // which statistics applied, where it is not the plain default of the last N trades
      const statistics = kelly.source === 'priors' ? `Statistics: priors (fewer than ${params.minTrades} closed trades in ${windowText(params.window)}).` : typeof params.window === 'number' ? null : `Statistics: ${windowText(params.window)}.`;
      const kellyFraction = toFloat(kelly.fraction);
      return decide('goal-kelly', request, adjusted.stages, final, {
        riskPct: risk,
        riskAmount: toFloat(adjusted.riskAmount),
        kelly: kellyFraction,
        skipped,
        binding: bindingOf(adjusted.steps, final),
        goalEffect: goalEffectOf(final, neutral),
        reasoning: reasoned(
          explain,
          driver === undefined || driverInput === undefined || params.riskSource === 'base' ? null : driver,
          driverInput?.progress ?? NaN,
          driverInput?.expected ?? NaN,
          driverInput?.target ?? null,
          risk,
          kellyFraction,
          request.confidence,
          negativeEdge && skipped === null ? params.minPositionPct : null,
          skipped,
          request.equity,
          winRate,
          sharpe,
          statistics,
          params.riskSource === 'base',
        ),
      });
    },
  };
}

/**
 * What a goal-kelly decision's reasoning prints, in this order: all a decision keeps of its
 * sizing until the text is read. The driver is null without goal progress; the minimum
 * allocation is the floor taken on a negative edge, when it was; statistics says which applied
 * where it is not the plain default of the last N trades.
 */
type GoalKellyFacts = readonly [
  driver: GoalType | null,
  driverProgress: number,
  driverExpected: number,
  driverTarget: number | null,
  currentRisk: number,
  kelly: number,
  confidence: number,
  minimumAllocation: number | null,
  skipped: string | null,
  equity: number,
  winRate: number,
  sharpe: number,
  statistics: string | null,
  goalsOff: boolean,
];

/** The reasoning text of a goal-kelly decision, written when read. */
function explain(facts: GoalKellyFacts, sized: FinalSize): string {
  const [driver, progress, expected, target, currentRisk, kelly, confidence, minimumAllocation, skipped, equity, winRate, sharpe, statistics, goalsOff] = facts;
  return [
    goalSentence(driver, progress, expected, target),
    goalsOff ? `Risk ${pct(currentRisk, 1)} per trade: the base risk, goals off.` : `Risk adjusted to ${pct(currentRisk, 1)} per trade.`,
    `Kelly fraction: ${pct(kelly)}, Signal confidence: ${pct(confidence)}.`,
    ...(minimumAllocation === null ? [] : [`Negative edge: the minimum allocation of ${pct(minimumAllocation, 1)}, so the statistics keep updating.`]),
    skipped === null ? `Recommended allocation: ${pct(equity > 0 ? sized.finalValue / equity : 0, 1)} of portfolio (${sized.units.toFixed(6)} units).` : `No trade: ${skipped}.`,
    `Win rate: ${pct(winRate, 1)}, Sharpe ratio: ${sharpe.toFixed(2)}.`,
    ...(statistics === null ? [] : [statistics]),
  ].join('\n');
}
