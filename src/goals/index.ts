export { evaluateGoal, type PeriodState } from './evaluate.js';
export { GOAL_PRESETS, type GoalPreset, type GoalPresetName } from './presets.js';
export { daysLeft, elapsedFraction, geometricExpected, paceOf, requiredDailyReturn, statusOf, DEFAULT_STATUS_THRESHOLDS, type StatusThresholds } from './progress.js';
export { progressRisk, progressRiskDecimal, riskBand, type RiskBand } from './progressRisk.js';
export type { AdjustmentRow, AdjustmentType, AlertRow, AlertType, GoalOutcomeCounts, GoalTables, HistoryRow, MilestoneRow, MonthOutcome, ProgressRow } from './tables.js';
export { GoalTracker, type MilestoneConfig, type TrackerAccount, type TrackerSettings } from './tracker.js';
export { GOAL_TYPES, type GoalConfig, type GoalInputs, type GoalProgressInput, type GoalProgress, type GoalStatus, type GoalType } from './types.js';
