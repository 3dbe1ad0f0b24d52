/**
 * What `goalsim serve` answers, without HTTP: a scenario's replay held at a simulated instant,
 * the seed-001 views of its goals (summary, progress, adjustments, milestones), a tracker update
 * on demand, and position sizing from the live state. The HTTP layer (server.ts) validates and
 * routes; every answer is made here.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatTimestamp } from '../data/timestamp.js';
import type { GoalTracker } from '../goals/tracker.js';
import type { GoalProgress, GoalType } from '../goals/types.js';
import { writeRunFiles } from '../report/runFiles.js';
import { writeRunReport } from '../report/writeReports.js';
import type { ResolvedScenario } from '../scenario/load.js';
import { decisionJson } from '../sizing/calculator.js';
import { BUILT_IN_ENGINE_NAMES, createSizingEngine, defaultConfig, isBuiltInEngine } from '../sizing/registry.js';
import type { SizingEngine, SizingNeeds } from '../sizing/types.js';
import type { ScenarioData } from '../sim/loadData.js';
import { startScenario, type ScenarioReplay } from '../sim/run.js';
import type { RunResult } from '../sim/types.js';

/** An answer the client must change its request for: the HTTP status and one clear line. */
export class ServeError extends Error {
  override readonly name = 'ServeError';
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

const iso = (ms: number): string | null => (Number.isFinite(ms) ? formatTimestamp(ms) : null);
const finite = (value: number | null | undefined): number | null => (value === null || value === undefined || !Number.isFinite(value) ? null : value);

export interface ClockState {
  readonly time: string | null;
  readonly next_time: string | null;
  readonly bars_done: number;
  readonly bars_left: number;
  readonly finished: boolean;
}

export interface SizingCall {
  readonly symbol: string;
  readonly current_price: number;
  readonly stop_loss_pct?: number | undefined;
  readonly confidence: number;
  readonly direction: 'long' | 'short';
  readonly strategy_id?: string | undefined;
  readonly engine?: string | undefined;
}

/** The daily lookbacks of every engine with its default parameters, so any of them can size live. */
function everyEngineLookback(): SizingNeeds['volatilityLookback'] {
  let widest: SizingNeeds['volatilityLookback'];
  for (const name of BUILT_IN_ENGINE_NAMES) {
    const lookback = createSizingEngine(defaultConfig(name)).needs.volatilityLookback;
    if (lookback === undefined) continue;
    widest = widest === undefined ? lookback : { short: Math.max(widest.short, lookback.short), long: Math.max(widest.long, lookback.long), trend: Math.max(widest.trend ?? 0, lookback.trend ?? 0) || undefined };
  }
  return widest;
}

export class ReplayService {
  private engines = new Map<string, SizingEngine>();
  private finishedResult: RunResult | undefined;
  /** Bumped by every call that changes the replay's state: the report is rendered once per state. */
  private state = 0;
  private report: { readonly state: number; readonly html: Promise<string> } | undefined;

  private constructor(
    readonly live: ScenarioReplay,
    /** Called once, when the replay reaches its end (goalsim serve --out writes the run folder). */
    private readonly onFinished: ((result: RunResult) => void) | undefined,
  ) {
    this.engines.set(live.resolved.scenario.sizing.engine, live.sizing);
  }

  static async start(resolved: ResolvedScenario, data: ScenarioData, onFinished?: (result: RunResult) => void): Promise<ReplayService> {
    return new ReplayService(await startScenario(resolved, data, { observeDaily: everyEngineLookback(), benchmark: {} }), onFinished);
  }

  get goals(): readonly GoalType[] {
    return this.live.resolved.goals.map((goal) => goal.type);
  }

  clock(): ClockState {
    const { replay } = this.live;
    return { time: iso(replay.time), next_time: iso(replay.nextTime), bars_done: replay.barsDone, bars_left: replay.totalBars - replay.barsDone, finished: replay.finished };
  }

  /** Advances to `to` (inclusive) or by `bars` bars; never backwards. */
  advance(step: { readonly to: number } | { readonly bars: number }): ClockState {
    const { replay } = this.live;
    if (replay.finished) throw new ServeError(409, 'the replay has ended: the clock cannot advance', 'GET /api/v1/clock shows where it stands; GET / shows the run report');
    if ('to' in step) {
      if (step.to < replay.time) throw new ServeError(409, `${formatTimestamp(step.to)} is before the simulated time ${formatTimestamp(replay.time)}: the clock never goes backwards`, 'POST a later "to", or {"bars": N}');
      replay.advanceTo(step.to);
    } else replay.advanceBars(step.bars);
    this.state++;
    if (replay.barsDone === replay.totalBars) this.finish();
    return this.clock();
  }

  private finish(): void {
    if (this.finishedResult !== undefined) return;
    this.finishedResult = this.live.result();
    this.onFinished?.(this.finishedResult);
  }

  /** The simulated instant the goals are evaluated at: the last processed one, or the first bar's before any. */
  private now(): number {
    const { replay } = this.live;
    return Number.isFinite(replay.time) ? replay.time : replay.firstTime;
  }

  private tracker(): GoalTracker {
    const tracker = this.live.tracker;
    if (tracker === undefined) throw new ServeError(404, 'this scenario has no goals', 'add "goals": {"preset": "seed-001"} to the scenario (README: Goals and the tracker)');
    return tracker;
  }

  private goal(id: string): GoalType {
    const goal = this.goals.find((type) => type === id);
    if (goal === undefined) throw new ServeError(404, `no goal "${id.slice(0, 200)}" in this scenario`, `its goals: ${this.goals.join(', ') || 'none'}`);
    return goal;
  }

  private goalView(p: GoalProgress, performance: { readonly winRate: number | null; readonly sharpe: number | null }): Record<string, unknown> {
    return {
      id: p.goal,
      goal_type: p.goal,
      target_value: p.target,
      current_value: finite(p.current),
      progress_pct: finite(p.progress * 100),
      expected_pct: finite(p.expected * 100),
      status: p.status,
      on_track: p.status === 'achieved' || p.status === 'on_track',
      days_remaining: p.daysRemaining,
      required_daily_return: finite(p.requiredDailyReturn),
      win_rate: finite(performance.winRate),
      sharpe_ratio: finite(performance.sharpe),
    };
  }

  summary(): Record<string, unknown> {
    const tracker = this.live.tracker;
    const view = this.live.replay.view;
    const progress = tracker?.evaluateAll(this.now(), view) ?? [];
    const performance = tracker?.performance(view) ?? { winRate: null, sharpe: null };
    const goals = progress.map((p) => this.goalView(p, performance));
    const onTrack = goals.filter((g) => g['on_track'] === true).length;
    return { goals, total_active: goals.length, on_track_count: onTrack, behind_count: goals.length - onTrack, simulated_time: iso(this.now()), current_risk: tracker?.currentRisk() ?? this.live.resolved.scenario.account.riskTolerance };
  }

  progress(id: string, query: { readonly from?: number | undefined; readonly to?: number | undefined; readonly limit?: number | undefined }): Record<string, unknown>[] {
    const goal = this.goal(id);
    const rows = this.tracker().progressRows.filter((row) => row.goal === goal && (query.from === undefined || row.time >= query.from) && (query.to === undefined || row.time <= query.to));
    const kept = query.limit === undefined ? rows : rows.slice(Math.max(0, rows.length - query.limit)); // the latest
    return kept.map((row) => ({
      recorded_at: iso(row.time),
      current_value: finite(row.current),
      target_value: row.target,
      progress_pct: finite(row.progress * 100),
      expected_pct: finite(row.expected * 100),
      pace: finite(row.pace),
      status: row.status,
      on_track: row.status === 'achieved' || row.status === 'on_track',
      days_remaining: row.daysRemaining,
      required_daily_return: finite(row.requiredDailyReturn),
      portfolio_value: finite(row.portfolioValue),
      realized_pnl: finite(row.realizedPnl),
      unrealized_pnl: finite(row.unrealizedPnl),
      win_rate: finite(row.winRate),
      sharpe_ratio: finite(row.sharpe),
      risk: row.risk,
    }));
  }

  /** The goal's risk adjustments, and drawdown protection (which is the account's: every goal lists it). */
  adjustments(id: string): Record<string, unknown>[] {
    const goal = this.goal(id);
    return this.tracker()
      .adjustments.filter((a) => a.goal === goal || a.goal === '')
      .map((a) => ({ adjustment_type: a.type, reason: a.reason, previous_value: a.previous, new_value: a.next, applied_at: iso(a.time), status: a.status, goal_id: a.goal === '' ? null : a.goal }));
  }

  milestones(id: string): Record<string, unknown>[] {
    const goal = this.goal(id);
    return this.tracker()
      .milestones.filter((m) => m.goal === goal)
      .map((m) => ({ milestone_pct: m.milestone * 100, progress_pct: m.progress * 100, achieved_at: iso(m.time), period: m.period, action: m.action }));
  }

  /** A tracker update at the current simulated time, exactly as its interval timer runs one; the goal's new row. */
  updateProgress(id: string): Record<string, unknown> {
    const goal = this.goal(id);
    const tracker = this.tracker();
    const { replay } = this.live;
    if (!Number.isFinite(replay.time)) throw new ServeError(409, 'the replay has not started: there is no simulated time to update at', 'POST /api/v1/clock {"bars": 1} first');
    if (replay.finished) throw new ServeError(409, 'the replay has ended: its books are closed', 'GET /api/v1/goals/summary shows the final state');
    tracker.onTimer('interval', replay.time, replay.view);
    this.state++;
    return this.progress(goal, { limit: 1 })[0] ?? {};
  }

  private engine(name: string | undefined): SizingEngine {
    const wanted = name ?? this.live.resolved.scenario.sizing.engine;
    let engine = this.engines.get(wanted);
    if (engine === undefined) {
      if (!isBuiltInEngine(wanted)) throw new ServeError(400, `engine: "${wanted.slice(0, 200)}" is not a built-in sizing engine`, `the engines: ${BUILT_IN_ENGINE_NAMES.join(', ')}; a user module sizes only as the scenario's own`);
      engine = createSizingEngine(defaultConfig(wanted));
      this.engines.set(wanted, engine);
    }
    return engine;
  }

  /** Sizes an order now from the replay's equity, cash, trades, daily volatility and tracker risk. */
  calculate(call: SizingCall): Record<string, unknown> {
    const { replay } = this.live;
    const s = replay.instruments.findIndex((instrument) => instrument.symbol === call.symbol);
    if (s < 0) throw new ServeError(400, `symbol: "${call.symbol.slice(0, 200)}" is not traded in this replay`, `its symbols: ${replay.instruments.map((i) => i.symbol).join(', ')}`);
    const engine = this.engine(call.engine);
    const request = replay.requestFor(s, { direction: call.direction, price: call.current_price, confidence: call.confidence, stopLossPct: call.stop_loss_pct ?? NaN }, this.now(), engine);
    const decision = engine.size(request);
    return {
      recommended_size: decision.units.toNumber(),
      recommended_allocation: finite(decision.allocation),
      risk_amount: finite(decision.riskAmount),
      confidence_score: call.confidence,
      reasoning: decision.reasoning,
      symbol: call.symbol,
      strategy_id: call.strategy_id ?? null,
      simulated_time: iso(this.now()),
      equity: request.equity,
      sizing: decisionJson(decision),
    };
  }

  /** The run report of the replay so far (the final run's once it has ended), as HTML. */
  /** The run report of the replay as it stands, rendered once per state of the replay (it takes a second or more). */
  reportHtml(): Promise<string> {
    if (this.report?.state !== this.state) this.report = { state: this.state, html: this.renderReport() };
    return this.report.html;
  }

  private async renderReport(): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'goalsim-serve-'));
    try {
      writeRunFiles(this.finishedResult ?? this.live.resultSoFar(), dir);
      await writeRunReport(dir);
      return readFileSync(join(dir, 'report.html'), 'utf8');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
