/**
 * goalsim as a library. The small surface first (api.ts: scenarioFromObject, run, runToFolder, writeRun,
 * size, sweep), then the parts it is built from, for those who wire their own.
 */
export { run, runToFolder, scenarioFromObject, size, sweep, writeRun } from './api.js';
export * from './data/index.js';
export * from './clock/index.js';
export * from './strategy/index.js';
export * from './sizing/index.js';
export * from './ledger/index.js';
export * from './scenario/index.js';
export { computeMetrics, dailyReturns, detectPeriodsPerYear, type Metrics } from './analysis/metrics.js';
export { simulate, protectiveExit, type SimulationSetup, type ExecutionSettings } from './sim/engine.js';
export { loadScenarioData, type ScenarioData } from './sim/loadData.js';
export { runScenario, sliceSeries } from './sim/run.js';
export type { CurveSink, CurveSummary, DecisionRecord, EquityCurve, GoalHooks, PortfolioView, RunResult, SimulationOutput } from './sim/types.js';
export { runIntoFolder, writeRunFiles } from './report/runFiles.js';
export { writeRunReport } from './report/writeReports.js';
export { runSweep, type SweepRun, type SweepRunOptions } from './parallel/sweepRunner.js';
export { runOdds, DEFAULT_ODDS_ENGINES, type OddsOptions, type OddsRun } from './odds/oddsRunner.js';
export { writeOddsReport } from './report/oddsReport.js';
export { readOddsFile, type OddsDefinition, type OddsFile } from './odds/oddsFolder.js';
export type { EngineOdds, OddsResults, Probability } from './odds/summary.js';
export { politisWhiteBlockLength } from './odds/blockLength.js';
export { resamplePath, returnHistory, stationaryIndices, type ReturnHistory } from './odds/bootstrap.js';
export { attributionOf, type SizingAttribution } from './analysis/attribution.js';
export * from './goals/index.js';
export { buildSummary } from './report/summary.js';
export { DataError, formatJsonPath, ScenarioError, UsageError } from './errors.js';
export { VERSION } from './version.js';
