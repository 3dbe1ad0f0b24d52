/**
 * Engine `goal-kelly` (SPEC 3.2, seed 001's position sizing engine): the risk amount comes from
 * the tracker's goal-adjusted risk, the position value from the stop distance, then
 * half-Kelly x confidence, clamped to [minPositionPct, maxPositionPct] of equity. Exact
 * decimals throughout, so the spec's golden example is reproduced to the digit.
 */
import { Money, toFloat } from '../ledger/index.js';
import { capByLimits, decide, pct } from './finalStage.js';
import { kellyEstimate } from './kelly.js';
import type { GoalKellyParams } from './params.js';
import type { GoalInputs, GoalProgressInput, SizingEngine, SizingRequest, SizingStage } from './types.js';

const GOAL_LABELS = { monthly_return: 'monthly return', monthly_income: 'monthly income', portfolio_value: 'portfolio value' } as const;

/**
 * The goal whose schedule drives risk: the configured one, else the tracker's (its highest-priority
 * goal not yet achieved), else, with goals given by hand, the first present.
 */
export function driverGoalOf(goals: GoalInputs | undefined, configured: keyof typeof GOAL_LABELS | undefined): keyof typeof GOAL_LABELS | undefined {
  if (configured !== undefined) return configured;
  if (goals?.driver !== undefined) return goals.driver;
  return (['monthly_return', 'monthly_income', 'portfolio_value'] as const).find((goal) => goals?.[goal] !== undefined);
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
      const stages: SizingStage[] = [];
      const risk = new Money(request.currentRisk);
      const equity = new Money(request.equity);
      const riskAmount = equity.mul(risk);
      stages.push({ name: 'risk_amount', value: toFloat(riskAmount) });
      const kelly = kellyEstimate(request.tradeStats, params);
      const hasStop = request.stopLossPct > 0;
      const positionValue = hasStop ? riskAmount.div(request.stopLossPct) : new Money(0);
      stages.push({ name: 'position_value', value: toFloat(positionValue) });
      const sized = positionValue.mul(Money.max(kelly.fraction, 0)).mul(params.kellyFraction).mul(request.confidence);
      stages.push({ name: 'kelly', value: toFloat(sized) });
      const floored = Money.max(sized, equity.mul(params.minPositionPct));
      const bounded = capByLimits(floored, request, params.maxPositionPct, Infinity, {});
      stages.push({ name: 'bounds', value: toFloat(bounded) });
      const limited = capByLimits(bounded, request, params.maxPositionPct, Infinity, params.assetClassLimits);
      stages.push({ name: 'limits', value: toFloat(limited) });
      const skipped = !hasStop ? 'no stop-loss distance to size from' : kelly.fraction.lte(0) ? 'negative edge' : null;
      const driver = driverGoalOf(request.goals, params.driverGoal);
      const winRate = request.tradeStats !== undefined && kelly.source === 'trades' ? request.tradeStats.winRate : kelly.winRate;
      const sharpe = request.tradeStats?.sharpe ?? 0;
      const { confidence, equity: equityValue } = request;
      const driverInput = driver === undefined ? undefined : request.goals?.[driver];
      return decide('goal-kelly', request, stages, limited, {
        riskPct: toFloat(risk),
        riskAmount: toFloat(riskAmount),
        kelly: toFloat(kelly.fraction),
        skipped,
        reasoning: (final) =>
          [
            goalSentence(driverInput, driver),
            `Risk adjusted to ${pct(toFloat(risk), 1)} per trade.`,
            `Kelly fraction: ${pct(toFloat(kelly.fraction))}, Signal confidence: ${pct(confidence)}.`,
            skipped === null ? `Recommended allocation: ${pct(equityValue > 0 ? final.finalValue / equityValue : 0, 1)} of portfolio (${final.units.toFixed(6)} units).` : `No trade: ${skipped}.`,
            `Win rate: ${pct(winRate, 1)}, Sharpe ratio: ${sharpe.toFixed(2)}.`,
          ].join('\n'),
      });
    },
  };
}
