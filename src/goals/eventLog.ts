/**
 * The tracker's alerts and risk adjustments, kept as their figures and made into rows (with
 * their messages) only when read. A daily tracker raises hundreds of each in a run, and the odds,
 * sweeps and solve read only how many there were: building every message text as it happened was
 * a good part of a run's time.
 */
import { monthText } from '../clock/index.js';
import type { AdjustmentRow, AdjustmentType, AlertRow, AlertType } from './tables.js';
import type { GoalType } from './types.js';

/** Risk per trade above this raises a high_risk alert. */
export const HIGH_RISK = 0.04;

const percent = (share: number, digits: number): string => `${(share * 100).toFixed(digits)}%`;

/** The reason of a drawdown protection that engaged or was released. */
export function drawdownReason(engaged: boolean, drawdown: number, limit: number, multiplier: number, release: number): string {
  return engaged ? `Drawdown ${percent(drawdown, 1)} reached the ${percent(limit, 1)} limit: risk x${multiplier}.` : `Drawdown ${percent(drawdown, 1)} back below ${percent(release * limit, 1)}: protection released.`;
}

/** A goal's period as its rows name it: the run for the portfolio goal, else the month's `YYYY-MM`. */
export const periodText = (goal: GoalType, monthIndex: number): string => (goal === 'portfolio_value' ? 'run' : monthText(monthIndex));

/**
 * Rows kept as a kind, a goal and up to FIGURES numbers each, built on first read and kept. The
 * figures go into one growing array: nothing is allocated per row until it is read.
 */
abstract class FigureLog<Kind extends string, Row> {
  protected static readonly FIGURES = 5;
  protected readonly times: number[] = [];
  protected readonly kinds: Kind[] = [];
  protected readonly goals: (GoalType | '')[] = [];
  protected readonly figures: number[] = [];
  private readonly built: Row[] = [];

  get length(): number {
    return this.times.length;
  }

  protected add(time: number, kind: Kind, goal: GoalType | '', a: number, b: number, c: number, d: number, e: number): void {
    this.times.push(time);
    this.kinds.push(kind);
    this.goals.push(goal);
    this.figures.push(a, b, c, d, e);
  }

  /** Every row so far, oldest first (the same objects on every call). */
  rows(): readonly Row[] {
    for (let i = this.built.length; i < this.times.length; i++) this.built.push(this.row(i, i * FigureLog.FIGURES));
    return this.built;
  }

  protected figure(at: number): number {
    return this.figures[at] as number;
  }

  protected abstract row(index: number, at: number): Row;
}

/** The tracker's alerts. */
export class AlertLog extends FigureLog<AlertType, AlertRow> {
  offTrack(time: number, goal: GoalType, gap: number): void {
    this.add(time, 'off_track', goal, gap, 0, 0, 0, 0);
  }

  deadline(time: number, goal: GoalType, daysRemaining: number, progress: number): void {
    this.add(time, 'deadline_approaching', goal, daysRemaining, progress, 0, 0, 0);
  }

  highRisk(time: number, risk: number): void {
    this.add(time, 'high_risk', '', risk, 0, 0, 0, 0);
  }

  milestone(time: number, goal: GoalType, at: number, monthIndex: number): void {
    this.add(time, 'milestone_achieved', goal, at, monthIndex, 0, 0, 0);
  }

  completed(time: number, goal: GoalType, target: number, monthIndex: number): void {
    this.add(time, 'goal_completed', goal, target, monthIndex, 0, 0, 0);
  }

  drawdownBreach(time: number, drawdown: number, limit: number, multiplier: number): void {
    this.add(time, 'drawdown_breach', '', drawdown, limit, multiplier, 0, 0);
  }

  consecutive(time: number, goal: GoalType, increase: boolean): void {
    this.add(time, 'consecutive_adjustments', goal, increase ? 1 : 0, 0, 0, 0, 0);
  }

  protected row(index: number, at: number): AlertRow {
    const type = this.kinds[index] as AlertType;
    const goal = this.goals[index] as GoalType | '';
    return { time: this.times[index] as number, type, goal, message: this.message(type, goal, at) };
  }

  private message(type: AlertType, goal: GoalType | '', at: number): string {
    const a = this.figure(at);
    const b = this.figure(at + 1);
    switch (type) {
      case 'off_track':
        return `${goal} is ${percent(a, 1)} behind schedule`;
      case 'deadline_approaching':
        return `${a} days left with ${percent(b, 1)} progress`;
      case 'high_risk':
        return `risk per trade ${percent(a, 2)} is above ${HIGH_RISK * 100}%`;
      case 'milestone_achieved':
        return `${goal} reached ${percent(a, 0)} of its target (${periodText(goal as GoalType, b)})`;
      case 'goal_completed':
        return `${goal} target ${a} reached (${periodText(goal as GoalType, b)})`;
      case 'drawdown_breach':
        return drawdownReason(true, a, b, this.figure(at + 2), 0);
      case 'consecutive_adjustments':
        return `three consecutive risk ${a === 1 ? 'increases' : 'decreases'}`;
    }
  }
}

/** The tracker's risk adjustments: by progress, and drawdown protection engaged or released. */
export class AdjustmentLog extends FigureLog<AdjustmentType | 'drawdown_released', AdjustmentRow> {
  /** A progress adjustment toward `target` (step-limited when `next` falls short of it); `increase` when the target is above the previous risk. */
  progress(time: number, goal: GoalType, increase: boolean, previous: number, next: number, target: number, progress: number, expected: number): void {
    this.add(time, increase ? 'risk_increase' : 'risk_decrease', goal, previous, next, target, progress, expected);
  }

  /** Drawdown protection engaged (`engaged`) or released, with the figures of its reason. */
  drawdown(time: number, engaged: boolean, previous: number, next: number, drawdown: number, limit: number, multiplierOrRelease: number): void {
    this.add(time, engaged ? 'drawdown_protection' : 'drawdown_released', '', previous, next, drawdown, limit, multiplierOrRelease);
  }

  protected row(index: number, at: number): AdjustmentRow {
    const kind = this.kinds[index] as AdjustmentType | 'drawdown_released';
    const goal = this.goals[index] as GoalType | '';
    const [previous, next, c, d, e] = [this.figure(at), this.figure(at + 1), this.figure(at + 2), this.figure(at + 3), this.figure(at + 4)];
    const time = this.times[index] as number;
    if (kind === 'drawdown_protection') return { time, goal, type: kind, previous, next, reason: drawdownReason(true, c, d, e, 0), status: 'engaged' };
    if (kind === 'drawdown_released') return { time, goal, type: 'drawdown_protection', previous, next, reason: drawdownReason(false, c, d, 0, e), status: 'released' };
    return { time, goal, type: kind, previous, next, reason: progressReason(goal as GoalType, kind === 'risk_increase', next, c, d, e), status: 'applied' };
  }
}

function progressReason(goal: GoalType, increase: boolean, next: number, target: number, progress: number, expected: number): string {
  const gap = expected - progress;
  return `${gap > 0 ? 'Behind' : 'Ahead of'} schedule by ${percent(Math.abs(gap), 1)} on ${goal} (progress ${percent(progress, 1)}, expected ${percent(expected, 1)}). ${increase ? 'Increasing' : 'Reducing'} risk to ${percent(next, 2)}${next !== target ? ` (target ${percent(target, 2)}, step-limited)` : ''}.`;
}
