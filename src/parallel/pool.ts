/**
 * Runs variant tasks on a piscina pool. Each task's outcome is reported as it completes; a
 * task whose worker dies is recorded as failed and the pool replaces the worker. Aborting
 * stops scheduling: queued tasks are dropped, finished ones are kept.
 */
import { setMaxListeners } from 'node:events';
import { Piscina } from 'piscina';
import { failedOutcome } from './outcome.js';
import type { VariantOutcome, VariantTask } from './task.js';
import { workerScript } from './workerScript.js';

export interface PoolOptions {
  readonly workers: number;
  readonly signal?: AbortSignal | undefined;
  readonly onOutcome: (outcome: VariantOutcome) => void;
}

export async function runTasks(tasks: readonly VariantTask[], options: PoolOptions): Promise<void> {
  if (tasks.length === 0) return;
  // piscina listens to the signal once per queued task
  if (options.signal !== undefined) setMaxListeners(tasks.length + 10, options.signal);
  const pool = new Piscina<VariantTask, VariantOutcome>({
    filename: workerScript('parallel/worker.js'),
    minThreads: options.workers,
    maxThreads: options.workers,
    idleTimeout: 1000,
  });
  try {
    await Promise.all(
      tasks.map(async (task) => {
        try {
          options.onOutcome(await pool.run(task, { signal: options.signal ?? null }));
        } catch (error) {
          if (options.signal?.aborted === true) return;
          options.onOutcome(failedOutcome(task.id, 'failed', `worker failed: ${error instanceof Error ? error.message : String(error)}`));
        }
      }),
    );
  } finally {
    await pool.destroy();
  }
}
