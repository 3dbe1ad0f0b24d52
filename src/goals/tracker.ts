/**
 * The goal tracker inside the simulation (README "Goals and the tracker"; seed 001's GoalTracker). It plugs into the
 * engine through GoalHooks: month rollover, daily snapshots and its own cycle every
 * `intervalMinutes` of simulated time. Each cycle writes progress rows, records milestones,
 * adjusts risk (cooldown, step limit, cap), protects against drawdowns and raises alerts.
 * Every time it sees comes from the simulated clock.
 */
import { monthIndexOf, monthStartOf, monthText, type TimerKind } from '../clock/index.js';
import { RunningMoments } from '../analysis/runningMoments.js';
import type { Trade } from '../ledger/index.js';
import type { GoalHooks, PortfolioView } from '../sim/goalHooks.js';
import { evaluateGoalInto, type GoalProgressRecord, type PeriodState } from './evaluate.js';
import { AdjustmentLog, AlertLog, HIGH_RISK, periodText } from './eventLog.js';
import { progressRiskTable, riskBandIndex } from './progressRisk.js';
import type { AdjustmentRow, AlertRow, GoalOutcomeCounts, GoalTables, HistoryRow, MilestoneRow, MonthOutcome, ProgressRow } from './tables.js';
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

const OFF_TRACK_GAP = 0.2;
const DEADLINE_DAYS = 5;
const DEADLINE_PROGRESS = 0.8;
const DRAWDOWN_RELEASE = 0.8;

/**
 * What fires once per period, per goal type: each milestone, then completed, off track and
 * deadline. A slot per goal type and event in one byte array, cleared for the monthly goals at
 * each month's start (the portfolio goal's period is the run).
 */
const COMPLETED = 0;
const OFF_TRACK = 1;
const DEADLINE = 2;
const TYPE_SLOT: Readonly<Record<GoalType, number>> = { monthly_return: 0, monthly_income: 1, portfolio_value: 2 };

export class GoalTracker implements GoalHooks {
  readonly timers;
  readonly progressRows: ProgressRow[] = [];
  readonly historyRows: HistoryRow[] = [];
  readonly milestones: MilestoneRow[] = [];
  readonly months: MonthOutcome[] = [];
  portfolioTargetReachedAt: number | null = null;
  /** Risk set by progress adjustments, before drawdown and milestone multipliers. */
  adjustedRisk: number;
  drawdownActive = false;
  /** The period the goals are measured over; updated in place (a cycle reads it several times). */
  private readonly state: { -readonly [K in keyof PeriodState]: PeriodState[K] };
  private readonly alertLog = new AlertLog();
  private readonly adjustmentLog = new AdjustmentLog();
  private riskAdjustments = 0;
  private drawdownProtections = 0;
  private lastAdjustment = -Infinity;
  private streakDirection = 0;
  private streakCount = 0;
  private milestoneMultiplier = 1;
  /** Fired state: `eventsPerType` bytes per goal type (TYPE_SLOT), milestones first. */
  private readonly fired: Uint8Array;
  private readonly eventsPerType: number;
  /** The lowest milestone fraction, or 1 (completion) when that is lower. */
  private readonly lowestMilestone: number;
  /** The fired slot of each milestone: the first milestone at the same fraction (they fire as one). */
  private readonly milestoneSlot: Int32Array;
  /** Each goal's progress, filled in place at every cycle (indexed like goals). */
  private readonly progress: GoalProgressRecord[];
  /** Goal indexes by priority (stable for equal priorities), for picking the driver without sorting. */
  private readonly byPriority: Int32Array;
  /** Index of the configured driver goal: -1 when none is configured, goals.length when it is not among the goals. */
  private readonly driverIndex: number;
  /** Welford's running moments of the daily returns between snapshots (the tracker's Sharpe so far). */
  private readonly dailyReturns = new RunningMoments();
  private lastSnapshotEquity = NaN;
  /** Closed trades already counted into {@link winningTrades}. */
  private tradesCounted = 0;
  private winningTrades = 0;
  private highRiskRaised = false;
  /** The current month (of state.monthStart) as year * 12 + month: its text is made when a row needs it. */
  private monthIndex: number;
  /** The portfolio goal's target, looked up once: every cycle compares equity with it. */
  private readonly portfolioTarget: number | undefined;
  private firstMonthPartial: boolean;
  /** Realised P&L of the whole run when the current month began. */
  private monthRealizedBase = 0;
  private readonly detail: boolean;
  /** progressRisk's risk per band at the account's base risk (see progressRiskTable). */
  private readonly riskTable: Float64Array;

  constructor(
    readonly goals: readonly GoalConfig[],
    readonly settings: TrackerSettings,
    readonly account: TrackerAccount,
    runStart: number,
  ) {
    this.byPriority = Int32Array.from(goals.keys()).sort((a, b) => (goals[a] as GoalConfig).priority - (goals[b] as GoalConfig).priority || a - b);
    const driver = settings.driverGoal;
    const driverAt = goals.findIndex((g) => g.type === driver);
    this.driverIndex = driver === undefined ? -1 : driverAt < 0 ? goals.length : driverAt;
    this.portfolioTarget = goals.find((g) => g.type === 'portfolio_value')?.target;
    const milestones = settings.milestones;
    this.milestoneSlot = Int32Array.from(milestones, (m) => milestones.findIndex((other) => other.at === m.at));
    this.eventsPerType = milestones.length + 3;
    this.lowestMilestone = milestones.reduce((lowest, m) => Math.min(lowest, m.at), 1);
    this.fired = new Uint8Array(GOAL_TYPES.length * this.eventsPerType);
    this.progress = goals.map((goal): GoalProgressRecord => ({ goal: goal.type, current: 0, target: goal.target, progress: 0, expected: 0, pace: 1, status: 'on_track', daysRemaining: null, requiredDailyReturn: null }));
    this.detail = settings.recordRows !== false;
    this.riskTable = progressRiskTable(account.riskTolerance);
    this.timers = { monthRollover: true, dailySnapshot: true, intervalMinutes: settings.intervalMinutes };
    this.adjustedRisk = account.riskTolerance;
    this.monthIndex = monthIndexOf(runStart);
    this.state = { monthStart: runStart, monthEnd: monthStartOf(this.monthIndex + 1), monthStartEquity: account.initialCapital, monthIncome: 0, runStart, runStartEquity: account.initialCapital, portfolioAchieved: false };
    this.firstMonthPartial = runStart !== monthStartOf(this.monthIndex);
  }

  /** The risk adjustments so far (progress and drawdown protection), oldest first; their reasons are written when read. */
  get adjustments(): readonly AdjustmentRow[] {
    return this.adjustmentLog.rows();
  }

  /** The alerts raised so far, oldest first; their messages are written when read. */
  get alerts(): readonly AlertRow[] {
    return this.alertLog.rows();
  }

  /** What a run achieved against its goals: the counts summary.json and sweeps report. */
  outcomeCounts(): GoalOutcomeCounts {
    let monthsReturnGoalMet = 0;
    let monthsIncomeGoalMet = 0;
    for (const month of this.months) {
      if (month.returnGoalMet === true) monthsReturnGoalMet++;
      if (month.incomeGoalMet === true) monthsIncomeGoalMet++;
    }
    return { months: this.months.length, monthsReturnGoalMet, monthsIncomeGoalMet, riskAdjustments: this.riskAdjustments, drawdownProtections: this.drawdownProtections, milestones: this.milestones.length };
  }

  /**
   * A read-only copy of the tables as they stand (rows are shared: they never change once
   * written). The adjustments and alerts are made into rows when first read from it.
   */
  tables(): GoalTables {
    const adjustmentLog = this.adjustmentLog;
    const adjustmentCount = adjustmentLog.length;
    const alertLog = this.alertLog;
    const alertCount = alertLog.length;
    return Object.freeze({
      goals: this.goals,
      progressRows: this.progressRows.slice(),
      historyRows: this.historyRows.slice(),
      get adjustments(): readonly AdjustmentRow[] {
        return adjustmentLog.rows().slice(0, adjustmentCount);
      },
      milestones: this.milestones.slice(),
      get alerts(): readonly AlertRow[] {
        return alertLog.rows().slice(0, alertCount);
      },
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

  /** Every goal's progress at `time` into the tracker's own records (valid until the next call). */
  private evaluate(time: number, portfolio: PortfolioView): readonly GoalProgressRecord[] {
    const state = this.stateAt(portfolio);
    const { goals, progress, detail } = this;
    for (let g = 0; g < goals.length; g++) evaluateGoalInto(progress[g] as GoalProgressRecord, goals[g] as GoalConfig, time, portfolio.equity, state, detail);
    return progress;
  }

  /** Every goal's progress at `time`, as new records the caller may keep. */
  evaluateAll(time: number, portfolio: PortfolioView): GoalProgress[] {
    return this.evaluate(time, portfolio).map((p) => ({ ...p }));
  }

  goalInputs(time: number, portfolio: PortfolioView): GoalInputs {
    const progress = this.evaluate(time, portfolio);
    const inputs: { -readonly [goal in GoalType]?: { progress: number; expected: number; target: number } } = {};
    for (const p of progress) inputs[p.goal] = { progress: p.progress, expected: p.expected, target: p.target };
    return { ...inputs, driver: this.driver()?.goal };
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
    this.monthIndex = monthIndexOf(time);
    this.state.monthEnd = monthStartOf(this.monthIndex + 1);
    this.state.monthStartEquity = portfolio.equity;
    this.monthRealizedBase = this.incomeSoFar(portfolio);
    this.milestoneMultiplier = 1;
    this.fired.fill(0, 0, TYPE_SLOT.portfolio_value * this.eventsPerType); // the monthly goals' slots come first
  }

  /** Records how the current month stands; at the end of data the last month is partial. */
  recordMonth(time: number, portfolio: PortfolioView, complete: boolean): void {
    const progress = this.evaluate(time, portfolio);
    let returnGoalMet: boolean | null = null;
    let incomeGoalMet: boolean | null = null;
    for (const p of progress) {
      if (p.goal === 'monthly_return') returnGoalMet ??= p.progress >= 1;
      else if (p.goal === 'monthly_income') incomeGoalMet ??= p.progress >= 1;
    }
    const state = this.stateAt(portfolio);
    this.months.push({ month: monthText(this.monthIndex), returnPct: portfolio.equity / state.monthStartEquity - 1, income: state.monthIncome, returnGoalMet, incomeGoalMet, complete });
  }

  /** At 00:00 UTC, before that day's bars: the snapshot closes the day before. */
  private snapshot(time: number, portfolio: PortfolioView): void {
    if (Number.isFinite(this.lastSnapshotEquity)) this.dailyReturns.add(portfolio.equity / this.lastSnapshotEquity - 1);
    this.lastSnapshotEquity = portfolio.equity;
    if (!this.detail) return;
    for (const p of this.evaluate(time, portfolio)) {
      this.historyRows.push({ day: time - 1, goal: p.goal, actual: p.current, target: p.target, variancePct: (p.progress - p.expected) * 100, status: p.status });
    }
  }

  /** True the first time `event` of `goal` is asked in its period (then it counts as fired). */
  private firstInPeriod(goal: GoalType, event: number): boolean {
    const slot = TYPE_SLOT[goal] * this.eventsPerType + event;
    if (this.fired[slot] === 1) return false;
    this.fired[slot] = 1;
    return true;
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
    const progress = this.evaluate(time, portfolio);
    for (const p of progress) this.checkMilestones(time, p);
    this.protectAgainstDrawdown(time, portfolio);
    this.adjustRisk(time);
    this.raiseAlerts(time, progress);
    if (this.detail) this.writeProgress(time, portfolio, progress);
  }

  private checkMilestones(time: number, p: GoalProgress): void {
    if (p.progress < this.lowestMilestone) return; // most cycles: nothing reached, nothing to ask
    const milestones = this.settings.milestones;
    const milestoneBase = milestones.length;
    for (let m = 0; m < milestones.length; m++) {
      const milestone = milestones[m] as (typeof milestones)[number];
      if (p.progress < milestone.at || !this.firstInPeriod(p.goal, this.milestoneSlot[m] as number)) continue;
      const action = milestone.riskMultiplier !== undefined ? `risk x${milestone.riskMultiplier}` : milestone.action;
      this.milestones.push({ time, goal: p.goal, period: periodText(p.goal, this.monthIndex), milestone: milestone.at, progress: p.progress, action });
      if (milestone.riskMultiplier !== undefined) this.milestoneMultiplier *= milestone.riskMultiplier;
      if (milestone.action === 'alert') this.alertLog.milestone(time, p.goal, milestone.at, this.monthIndex);
    }
    if (p.progress >= 1 && this.firstInPeriod(p.goal, milestoneBase + COMPLETED)) this.alertLog.completed(time, p.goal, p.target, this.monthIndex);
  }

  private protectAgainstDrawdown(time: number, portfolio: PortfolioView): void {
    const drawdown = portfolio.peakEquity > 0 ? 1 - portfolio.equity / portfolio.peakEquity : 0;
    const limit = this.account.maxDrawdownPct;
    if (!this.drawdownActive && drawdown >= limit) {
      const before = this.currentRisk();
      this.drawdownActive = true;
      this.drawdownProtections++;
      this.adjustmentLog.drawdown(time, true, before, this.currentRisk(), drawdown, limit, this.settings.drawdownRiskMultiplier);
      this.alertLog.drawdownBreach(time, drawdown, limit, this.settings.drawdownRiskMultiplier);
    } else if (this.drawdownActive && drawdown < DRAWDOWN_RELEASE * limit) {
      const before = this.currentRisk();
      this.drawdownActive = false;
      this.adjustmentLog.drawdown(time, false, before, this.currentRisk(), drawdown, limit, DRAWDOWN_RELEASE);
    }
  }

  /** The goal whose schedule drives risk, from the last evaluation: configured, else the highest-priority not achieved. */
  private driver(): GoalProgressRecord | undefined {
    if (this.driverIndex >= 0) return this.progress[this.driverIndex];
    for (const g of this.byPriority) {
      const p = this.progress[g] as GoalProgressRecord;
      if (p.status !== 'achieved') return p;
    }
    return undefined;
  }

  private adjustRisk(time: number): void {
    const driver = this.driver();
    if (driver === undefined) return;
    const target = this.riskTable[riskBandIndex(driver.progress, driver.expected)] as number;
    const previous = this.adjustedRisk;
    if (target === previous || time - this.lastAdjustment < this.settings.cooldownHours * 3_600_000) return;
    const increase = target > previous;
    const next = increase ? Math.min(target, previous * (1 + this.settings.maxStepIncrease), this.settings.maxRisk) : target;
    if (next === previous) return;
    this.adjustedRisk = next;
    this.lastAdjustment = time;
    this.riskAdjustments++;
    this.adjustmentLog.progress(time, driver.goal, increase, previous, next, target, driver.progress, driver.expected);
    const direction = increase ? 1 : -1;
    this.streakCount = this.streakDirection === direction ? this.streakCount + 1 : 1;
    this.streakDirection = direction;
    if (this.streakCount === 3) this.alertLog.consecutive(time, driver.goal, increase);
  }

  private raiseAlerts(time: number, progress: readonly GoalProgress[]): void {
    const milestoneBase = this.settings.milestones.length;
    for (const p of progress) {
      if (p.status === 'achieved') continue;
      if (p.expected - p.progress > OFF_TRACK_GAP && this.firstInPeriod(p.goal, milestoneBase + OFF_TRACK)) this.alertLog.offTrack(time, p.goal, p.expected - p.progress);
      if (p.daysRemaining !== null && p.daysRemaining <= DEADLINE_DAYS && p.progress < DEADLINE_PROGRESS && this.firstInPeriod(p.goal, milestoneBase + DEADLINE)) {
        this.alertLog.deadline(time, p.goal, p.daysRemaining, p.progress);
      }
    }
    const risk = this.currentRisk();
    const risky = risk > HIGH_RISK;
    if (risky && !this.highRiskRaised) this.alertLog.highRisk(time, risk);
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
