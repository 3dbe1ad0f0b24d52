/**
 * The goal tracker inside the simulation (README "Goals and the tracker"; seed 001's GoalTracker). It plugs into the
 * engine through GoalHooks: month rollover, daily snapshots and its own cycle every
 * `intervalMinutes` of simulated time. Each cycle writes progress rows, records milestones,
 * adjusts risk (cooldown, step limit, cap), protects against drawdowns and raises alerts.
 * Every time it sees comes from the simulated clock.
 */
import { startOfNextMonth, type TimerKind } from '../clock/index.js';
import { RunningMoments } from '../analysis/runningMoments.js';
import type { Trade } from '../ledger/index.js';
import type { GoalHooks, PortfolioView } from '../sim/goalHooks.js';
import { evaluateGoal, type PeriodState } from './evaluate.js';
import { progressRisk } from './progressRisk.js';
import type { AdjustmentRow, AlertRow, AlertType, GoalOutcomeCounts, GoalTables, HistoryRow, MilestoneRow, MonthOutcome, ProgressRow } from './tables.js';
import { GOAL_TYPES, type GoalConfig, type GoalInputs, type GoalProgress, type GoalType } from './types.js';

export interface MilestoneConfig {
  /** Fraction of the target, e.g. 0.5. */
  readonly at: number;
  /** `alert` raises milestone_achieved; `none` only records it. */
  readonly action: 'alert' | 'none';
  /** Multiplies risk for the rest of the goal's period. */
  readonly riskMultiplier?: number | undefined;
}

export interface TrackerSettings {
  readonly intervalMinutes: number;
  readonly cooldownHours: number;
  readonly maxStepIncrease: number;
  readonly maxRisk: number;
  readonly drawdownRiskMultiplier: number;
  readonly milestones: readonly MilestoneConfig[];
  readonly driverGoal?: GoalType | undefined;
  readonly periodsPerYear: number;
  /**
   * Keep a progress row per cycle and a history row per day (default). The odds command runs
   * thousands of paths that need only the outcome (months met, adjustments, the target time),
   * and the rows were most of a daily tracker's cost.
   */
  readonly recordRows?: boolean | undefined;
  /** Count the interest cash earned (account.cashRate) as income toward the monthly income goal. */
  readonly interestIsIncome?: boolean | undefined;
}

export interface TrackerAccount {
  readonly riskTolerance: number;
  readonly maxDrawdownPct: number;
  readonly initialCapital: number;
}

interface FiredKeys {
  readonly milestones: readonly string[];
  readonly completed: string;
  readonly offTrack: string;
  readonly deadline: string;
}

const OFF_TRACK_GAP = 0.2;
const HIGH_RISK = 0.04;
const DEADLINE_DAYS = 5;
const DEADLINE_PROGRESS = 0.8;
const DRAWDOWN_RELEASE = 0.8;

const monthText = (time: number): string => new Date(time).toISOString().slice(0, 7);

/**
 * A progress adjustment of the risk. Its reason is written when first read (goal_adjustments.csv,
 * serve): a run that keeps no rows adjusts most days and reads none.
 */
function progressAdjustment(time: number, driver: GoalProgress, previous: number, next: number, target: number, increase: boolean): AdjustmentRow {
  const { goal, progress, expected } = driver;
  let text: string | undefined;
  return {
    time,
    goal,
    type: increase ? 'risk_increase' : 'risk_decrease',
    previous,
    next,
    get reason(): string {
      const gap = expected - progress;
      text ??= `${gap > 0 ? 'Behind' : 'Ahead of'} schedule by ${(Math.abs(gap) * 100).toFixed(1)}% on ${goal} (progress ${(progress * 100).toFixed(1)}%, expected ${(expected * 100).toFixed(1)}%). ${increase ? 'Increasing' : 'Reducing'} risk to ${(next * 100).toFixed(2)}%${next !== target ? ` (target ${(target * 100).toFixed(2)}%, step-limited)` : ''}.`;
      return text;
    },
    status: 'applied',
  };
}

export class GoalTracker implements GoalHooks {
  readonly timers;
  readonly progressRows: ProgressRow[] = [];
  readonly historyRows: HistoryRow[] = [];
  readonly adjustments: AdjustmentRow[] = [];
  readonly milestones: MilestoneRow[] = [];
  readonly alerts: AlertRow[] = [];
  readonly months: MonthOutcome[] = [];
  portfolioTargetReachedAt: number | null = null;
  /** Risk set by progress adjustments, before drawdown and milestone multipliers. */
  adjustedRisk: number;
  drawdownActive = false;
  /** The period the goals are measured over; updated in place (a cycle reads it several times). */
  private readonly state: { -readonly [K in keyof PeriodState]: PeriodState[K] };
  private lastAdjustment = -Infinity;
  private streak = { direction: 0, count: 0 };
  private milestoneMultiplier = 1;
  /** Keys `goal:kind[:at]` of what already fired in the current period. */
  private fired = new Set<string>();
  /** The keys of each goal, built once: a cycle asks them for every goal. */
  private readonly keys: Readonly<Record<GoalType, FiredKeys>>;
  /** Welford's running moments of the daily returns between snapshots (the tracker's Sharpe so far). */
  private readonly dailyReturns = new RunningMoments();
  private lastSnapshotEquity = NaN;
  /** Closed trades already counted into {@link winningTrades}. */
  private tradesCounted = 0;
  private winningTrades = 0;
  /** Goals by priority (stable for equal priorities), for picking the driver without sorting. */
  private readonly goalsByPriority: readonly GoalConfig[];
  private highRiskRaised = false;
  /** The current month as YYYY-MM (of state.monthStart), made when the month starts, not at every milestone. */
  private month: string;
  /** The portfolio goal's target, looked up once: every cycle compares equity with it. */
  private readonly portfolioTarget: number | undefined;
  private firstMonthPartial: boolean;
  /** Realised P&L of the whole run when the current month began. */
  private monthRealizedBase = 0;

  constructor(
    readonly goals: readonly GoalConfig[],
    readonly settings: TrackerSettings,
    readonly account: TrackerAccount,
    runStart: number,
  ) {
    this.goalsByPriority = [...goals].sort((a, b) => a.priority - b.priority);
    this.portfolioTarget = goals.find((g) => g.type === 'portfolio_value')?.target;
    const keysOf = (goal: GoalType): FiredKeys => ({ milestones: settings.milestones.map((m) => `${goal}:milestone:${m.at}`), completed: `${goal}:completed`, offTrack: `${goal}:off_track`, deadline: `${goal}:deadline` });
    this.keys = Object.fromEntries(GOAL_TYPES.map((goal) => [goal, keysOf(goal)])) as Record<GoalType, FiredKeys>;
    this.timers = { monthRollover: true, dailySnapshot: true, intervalMinutes: settings.intervalMinutes };
    this.adjustedRisk = account.riskTolerance;
    this.state = { monthStart: runStart, monthEnd: startOfNextMonth(runStart), monthStartEquity: account.initialCapital, monthIncome: 0, runStart, runStartEquity: account.initialCapital, portfolioAchieved: false };
    this.month = monthText(runStart);
    this.firstMonthPartial = new Date(runStart).getUTCDate() !== 1 || runStart % 86_400_000 !== 0;
  }

  /** What a run achieved against its goals: the counts summary.json and sweeps report. */
  outcomeCounts(): GoalOutcomeCounts {
    return {
      months: this.months.length,
      monthsReturnGoalMet: this.months.filter((m) => m.returnGoalMet === true).length,
      monthsIncomeGoalMet: this.months.filter((m) => m.incomeGoalMet === true).length,
      riskAdjustments: this.adjustments.filter((a) => a.type !== 'drawdown_protection').length,
      drawdownProtections: this.adjustments.filter((a) => a.status === 'engaged').length,
      milestones: this.milestones.length,
    };
  }

  /** A read-only copy of the tables as they stand (rows are shared: they never change once written). */
  tables(): GoalTables {
    return Object.freeze({
      goals: this.goals,
      progressRows: this.progressRows.slice(),
      historyRows: this.historyRows.slice(),
      adjustments: this.adjustments.slice(),
      milestones: this.milestones.slice(),
      alerts: this.alerts.slice(),
      months: this.months.slice(),
      counts: this.outcomeCounts(),
      portfolioTargetReachedAt: this.portfolioTargetReachedAt,
      finalRisk: this.currentRisk(),
    });
  }

  goalFreeRisk(): number {
    return Math.min(this.settings.maxRisk, this.account.riskTolerance * (this.drawdownActive ? this.settings.drawdownRiskMultiplier : 1));
  }

  currentRisk(): number {
    const multiplied = this.adjustedRisk * (this.drawdownActive ? this.settings.drawdownRiskMultiplier : 1) * this.milestoneMultiplier;
    return Math.min(this.settings.maxRisk, multiplied);
  }

  private stateAt(portfolio: PortfolioView): PeriodState {
    this.state.monthIncome = this.incomeSoFar(portfolio) - this.monthRealizedBase;
    return this.state;
  }

  /** Realised P&L since the start, and the interest earned when it counts as income. */
  private incomeSoFar(portfolio: PortfolioView): number {
    const { ledger } = portfolio;
    return this.settings.interestIsIncome === true ? ledger.realizedPnlValue + ledger.interestValue : ledger.realizedPnlValue;
  }

  evaluateAll(time: number, portfolio: PortfolioView): GoalProgress[] {
    const state = this.stateAt(portfolio);
    const detail = this.settings.recordRows !== false;
    return this.goals.map((goal) => evaluateGoal(goal, time, portfolio.equity, state, detail));
  }

  goalInputs(time: number, portfolio: PortfolioView): GoalInputs {
    const progress = this.evaluateAll(time, portfolio);
    const inputs: { -readonly [goal in GoalType]?: { progress: number; expected: number; target: number } } = {};
    for (const p of progress) inputs[p.goal] = { progress: p.progress, expected: p.expected, target: p.target };
    return { ...inputs, driver: this.driver(progress)?.goal };
  }

  onTimer(kind: TimerKind, time: number, portfolio: PortfolioView): void {
    if (kind === 'monthRollover') this.rollMonth(time, portfolio);
    else if (kind === 'dailySnapshot') this.snapshot(time, portfolio);
    else this.cycle(time, portfolio);
  }

  /** Closes the month's books and the period of every monthly goal. */
  private rollMonth(time: number, portfolio: PortfolioView): void {
    this.recordMonth(time, portfolio, !this.firstMonthPartial);
    this.firstMonthPartial = false;
    this.state.monthStart = time;
    this.month = monthText(time);
    this.state.monthEnd = startOfNextMonth(time);
    this.state.monthStartEquity = portfolio.equity;
    this.monthRealizedBase = this.incomeSoFar(portfolio);
    this.milestoneMultiplier = 1;
    for (const key of this.fired) if (!key.startsWith('portfolio_value:')) this.fired.delete(key); // deleting while iterating a Set is safe
  }

  /** Records how the current month stands; at the end of data the last month is partial. */
  recordMonth(time: number, portfolio: PortfolioView, complete: boolean): void {
    const progress = this.evaluateAll(time, portfolio);
    const find = (goal: GoalType): GoalProgress | undefined => progress.find((p) => p.goal === goal);
    const returns = find('monthly_return');
    const income = find('monthly_income');
    const state = this.stateAt(portfolio);
    this.months.push({
      month: this.month,
      returnPct: portfolio.equity / state.monthStartEquity - 1,
      income: state.monthIncome,
      returnGoalMet: returns === undefined ? null : returns.progress >= 1,
      incomeGoalMet: income === undefined ? null : income.progress >= 1,
      complete,
    });
  }

  /** At 00:00 UTC, before that day's bars: the snapshot closes the day before. */
  private snapshot(time: number, portfolio: PortfolioView): void {
    if (Number.isFinite(this.lastSnapshotEquity)) this.dailyReturns.add(portfolio.equity / this.lastSnapshotEquity - 1);
    this.lastSnapshotEquity = portfolio.equity;
    if (this.settings.recordRows === false) return;
    for (const p of this.evaluateAll(time, portfolio)) {
      this.historyRows.push({ day: time - 1, goal: p.goal, actual: p.current, target: p.target, variancePct: (p.progress - p.expected) * 100, status: p.status });
    }
  }

  private alert(time: number, type: AlertType, goal: GoalType | '', message: string): void {
    this.alerts.push({ time, type, goal, message });
  }

  /** Fires `action` once per period for `key`. */
  /** True the first time `key` is asked in its period (then it counts as fired). */
  private firstInPeriod(key: string): boolean {
    if (this.fired.has(key)) return false;
    this.fired.add(key);
    return true;
  }

  private periodOf(goal: GoalType): string {
    return goal === 'portfolio_value' ? 'run' : this.month;
  }

  private cycle(time: number, portfolio: PortfolioView): void {
    const equity = portfolio.equity;
    if (!this.state.portfolioAchieved) {
      const target = this.portfolioTarget;
      if (target !== undefined && equity >= target) {
        this.state.portfolioAchieved = true;
        this.portfolioTargetReachedAt = time;
      }
    }
    const progress = this.evaluateAll(time, portfolio);
    for (const p of progress) this.checkMilestones(time, p);
    this.protectAgainstDrawdown(time, portfolio);
    this.adjustRisk(time, progress);
    this.raiseAlerts(time, progress);
    if (this.settings.recordRows !== false) this.writeProgress(time, portfolio, progress);
  }

  private checkMilestones(time: number, p: GoalProgress): void {
    const keys = this.keys[p.goal];
    const milestones = this.settings.milestones;
    for (let m = 0; m < milestones.length; m++) {
      const milestone = milestones[m] as (typeof milestones)[number];
      if (p.progress < milestone.at || !this.firstInPeriod(keys.milestones[m] as string)) continue;
      const period = this.periodOf(p.goal);
      const action = milestone.riskMultiplier !== undefined ? `risk x${milestone.riskMultiplier}` : milestone.action;
      this.milestones.push({ time, goal: p.goal, period, milestone: milestone.at, progress: p.progress, action });
      if (milestone.riskMultiplier !== undefined) this.milestoneMultiplier *= milestone.riskMultiplier;
      if (milestone.action === 'alert') this.alert(time, 'milestone_achieved', p.goal, `${p.goal} reached ${(milestone.at * 100).toFixed(0)}% of its target (${period})`);
    }
    if (p.progress >= 1 && this.firstInPeriod(keys.completed)) this.alert(time, 'goal_completed', p.goal, `${p.goal} target ${p.target} reached (${this.periodOf(p.goal)})`);
  }

  private protectAgainstDrawdown(time: number, portfolio: PortfolioView): void {
    const drawdown = portfolio.peakEquity > 0 ? 1 - portfolio.equity / portfolio.peakEquity : 0;
    const limit = this.account.maxDrawdownPct;
    const before = this.currentRisk();
    if (!this.drawdownActive && drawdown >= limit) {
      this.drawdownActive = true;
      const reason = `Drawdown ${(drawdown * 100).toFixed(1)}% reached the ${(limit * 100).toFixed(1)}% limit: risk x${this.settings.drawdownRiskMultiplier}.`;
      this.adjustments.push({ time, goal: '', type: 'drawdown_protection', previous: before, next: this.currentRisk(), reason, status: 'engaged' });
      this.alert(time, 'drawdown_breach', '', reason);
    } else if (this.drawdownActive && drawdown < DRAWDOWN_RELEASE * limit) {
      this.drawdownActive = false;
      const reason = `Drawdown ${(drawdown * 100).toFixed(1)}% back below ${(DRAWDOWN_RELEASE * limit * 100).toFixed(1)}%: protection released.`;
      this.adjustments.push({ time, goal: '', type: 'drawdown_protection', previous: before, next: this.currentRisk(), reason, status: 'released' });
    }
  }

  /** The goal whose schedule drives risk: configured, else the highest-priority not achieved. */
  private driver(progress: readonly GoalProgress[]): GoalProgress | undefined {
    if (this.settings.driverGoal !== undefined) return progress.find((p) => p.goal === this.settings.driverGoal);
    for (const goal of this.goalsByPriority) {
      const p = progress.find((q) => q.goal === goal.type);
      if (p !== undefined && p.status !== 'achieved') return p;
    }
    return undefined;
  }

  private adjustRisk(time: number, progress: readonly GoalProgress[]): void {
    const driver = this.driver(progress);
    if (driver === undefined) return;
    const target = progressRisk(this.account.riskTolerance, driver.progress, driver.expected);
    const previous = this.adjustedRisk;
    if (target === previous || time - this.lastAdjustment < this.settings.cooldownHours * 3_600_000) return;
    const increase = target > previous;
    const next = increase ? Math.min(target, previous * (1 + this.settings.maxStepIncrease), this.settings.maxRisk) : target;
    if (next === previous) return;
    this.adjustedRisk = next;
    this.lastAdjustment = time;
    this.adjustments.push(progressAdjustment(time, driver, previous, next, target, increase));
    const direction = increase ? 1 : -1;
    this.streak.count = this.streak.direction === direction ? this.streak.count + 1 : 1;
    this.streak.direction = direction;
    if (this.streak.count === 3) this.alert(time, 'consecutive_adjustments', driver.goal, `three consecutive risk ${increase ? 'increases' : 'decreases'}`);
  }

  private raiseAlerts(time: number, progress: readonly GoalProgress[]): void {
    for (const p of progress) {
      if (p.status === 'achieved') continue;
      const keys = this.keys[p.goal];
      if (p.expected - p.progress > OFF_TRACK_GAP && this.firstInPeriod(keys.offTrack)) this.alert(time, 'off_track', p.goal, `${p.goal} is ${((p.expected - p.progress) * 100).toFixed(1)}% behind schedule`);
      if (p.daysRemaining !== null && p.daysRemaining <= DEADLINE_DAYS && p.progress < DEADLINE_PROGRESS && this.firstInPeriod(keys.deadline)) {
        this.alert(time, 'deadline_approaching', p.goal, `${p.daysRemaining} days left with ${(p.progress * 100).toFixed(1)}% progress`);
      }
    }
    const risky = this.currentRisk() > HIGH_RISK;
    if (risky && !this.highRiskRaised) this.alert(time, 'high_risk', '', `risk per trade ${(this.currentRisk() * 100).toFixed(2)}% is above ${HIGH_RISK * 100}%`);
    this.highRiskRaised = risky;
  }

  /** Win rate of the closed trades (null before the first) and the Sharpe ratio of the daily snapshots so far: O(1) a call. */
  performance(portfolio: PortfolioView): { readonly winRate: number | null; readonly sharpe: number | null } {
    const { ledger } = portfolio;
    const trades = ledger.trades.length;
    for (; this.tradesCounted < trades; this.tradesCounted++) if ((ledger.trades[this.tradesCounted] as Trade).pnl.sign() > 0) this.winningTrades++;
    return { winRate: trades === 0 ? null : this.winningTrades / trades, sharpe: this.dailyReturns.sharpe(this.settings.periodsPerYear) };
  }

  private writeProgress(time: number, portfolio: PortfolioView, progress: readonly GoalProgress[]): void {
    const { ledger, lastPrices } = portfolio;
    let unrealized = 0;
    ledger.positions.forEach((position, s) => {
      if (position !== undefined) unrealized += ((lastPrices[s] as number) - position.entryValue) * position.units * (position.direction === 'long' ? 1 : -1);
    });
    const { winRate, sharpe } = this.performance(portfolio);
    const realized = ledger.realizedPnlValue;
    const risk = this.currentRisk();
    // a literal of one fixed shape: spreading the progress into each of the run's rows cost more than the rest of the cycle
    for (const p of progress) {
      this.progressRows.push({
        goal: p.goal,
        current: p.current,
        target: p.target,
        progress: p.progress,
        expected: p.expected,
        pace: p.pace,
        status: p.status,
        daysRemaining: p.daysRemaining,
        requiredDailyReturn: p.requiredDailyReturn,
        time,
        portfolioValue: portfolio.equity,
        realizedPnl: realized,
        unrealizedPnl: unrealized,
        winRate,
        sharpe,
        risk,
      });
    }
  }
}
