export { failedOutcome, outcomeOf } from './outcome.js';
export { runTasks, type PoolOptions, VARIANT_POOL } from './pool.js';
export { inShard, parseShard, type Shard } from './shard.js';
export { SharedDataLoader, type SharedInputs } from './sharedData.js';
export type { GoalOutcomeRow, VariantOutcome, VariantStatus, VariantTask } from './task.js';
export { runSweep, type SweepRun, type SweepRunOptions } from './sweepRunner.js';
export { workerScript } from './workerScript.js';
