/**
 * Engine `goal-kelly` (SPEC 3.2, seed 001's position sizing engine): the risk amount comes from
 * the tracker's goal-adjusted risk, the position value from the stop distance, then
 * half-Kelly x confidence, clamped to [minPositionPct, maxPositionPct] of equity. Exact
 * decimals throughout, so the spec's golden example is reproduced to the digit.
 */
import { GOAL_TYPES, type GoalType } from '../goals/types.js';
import { Money, toFloat } from '../ledger/index.js';
import { bindingOf, capByLimits, decide, finalSize, goalEffectOf, pct, type FinalSize, type StageStep } from './finalStage.js';
import { kellyEstimate } from './kelly.js';
import type { GoalKellyParams } from './params.js';
import type { GoalInputs, GoalProgressInput, SizingEngine, SizingRequest, SizingStage, TradeWindow } from './types.js';

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

function goalSentence(input: GoalProgressInput | undefined, driver: keyof typeof GOAL_LABELS | undefined): string {
  if (driver === undefined || input === undefined) return 'Position sized without goal progress.';
  const target = input.target === undefined ? '' : driver === 'monthly_return' ? ` (${pct(input.target)})` : ` (${input.target.toFixed(2)})`;
  const schedule = input.progress < input.expected ? 'behind schedule' : input.progress > input.expected ? 'ahead of schedule' : 'on schedule';
  return `Position sized for ${GOAL_LABELS[driver]} goal${target}.\nCurrently ${schedule} (${pct(input.progress, 1)} progress, ${pct(input.expected, 1)} time elapsed).`;
}

export function createGoalKelly(params: GoalKellyParams): SizingEngine {
  return {
    name: 'goal-kelly',
    needs: { tradeStatsWindow: params.window, exposure: true, goals: true },
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
      const adjusted = chain(request.currentRisk);
      const final = finalSize(adjusted.limited, request);
      const neutral = request.currentRisk === request.riskTolerance ? final : finalSize(chain(request.riskTolerance).limited, request);
      const skipped = !hasStop ? 'no stop-loss distance to size from' : negativeEdge && params.negativeEdge === 'skip' ? 'negative edge' : null;
      const driver = driverGoalOf(request.goals, params.driverGoal);
      const winRate = request.tradeStats !== undefined && kelly.source === 'trades' ? request.tradeStats.winRate : kelly.winRate;
      const sharpe = request.tradeStats?.sharpe ?? 0;
      const driverInput = driver === undefined ? undefined : request.goals?.[driver];
      // which statistics applied, where it is not the plain default of the last N trades
      const statistics = kelly.source === 'priors' ? [`Statistics: priors (fewer than ${params.minTrades} closed trades in ${windowText(params.window)}).`] : typeof params.window === 'number' ? [] : [`Statistics: ${windowText(params.window)}.`];
      const kellyFraction = toFloat(kelly.fraction);
      return decide('goal-kelly', request, adjusted.stages, final, {
        riskPct: request.currentRisk,
        riskAmount: toFloat(adjusted.riskAmount),
        kelly: kellyFraction,
        skipped,
        binding: bindingOf(adjusted.steps, final),
        goalEffect: goalEffectOf(final, neutral),
        reasoning: reasoningOf({
          driverInput,
          driver,
          currentRisk: request.currentRisk,
          kelly: kellyFraction,
          confidence: request.confidence,
          minimumAllocation: negativeEdge && skipped === null ? params.minPositionPct : undefined,
          skipped,
          equity: request.equity,
          winRate,
          sharpe,
          statistics,
        }),
      });
    },
  };
}

/** What a goal-kelly decision's reasoning prints: all a decision keeps of its sizing until the text is read. */
interface GoalKellyFacts {
  readonly driverInput: GoalProgressInput | undefined;
  readonly driver: GoalType | undefined;
  readonly currentRisk: number;
  readonly kelly: number;
  readonly confidence: number;
  /** The floor taken on a negative edge, when it was. */
  readonly minimumAllocation: number | undefined;
  readonly skipped: string | null;
  readonly equity: number;
  readonly winRate: number;
  readonly sharpe: number;
  readonly statistics: readonly string[];
}

/**
 * The reasoning text, written when read. Made here rather than inside `size`, whose closures
 * share one context: a text function made there kept the whole request alive with it.
 */
function reasoningOf(facts: GoalKellyFacts): (sized: FinalSize) => string {
  return (sized) =>
    [
      goalSentence(facts.driverInput, facts.driver),
      `Risk adjusted to ${pct(facts.currentRisk, 1)} per trade.`,
      `Kelly fraction: ${pct(facts.kelly)}, Signal confidence: ${pct(facts.confidence)}.`,
      ...(facts.minimumAllocation === undefined ? [] : [`Negative edge: the minimum allocation of ${pct(facts.minimumAllocation, 1)}, so the statistics keep updating.`]),
      facts.skipped === null ? `Recommended allocation: ${pct(facts.equity > 0 ? sized.finalValue / facts.equity : 0, 1)} of portfolio (${sized.units.toFixed(6)} units).` : `No trade: ${facts.skipped}.`,
      `Win rate: ${pct(facts.winRate, 1)}, Sharpe ratio: ${facts.sharpe.toFixed(2)}.`,
      ...facts.statistics,
    ].join('\n');
}
