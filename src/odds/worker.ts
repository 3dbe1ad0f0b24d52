/**
 * Worker entry of the odds pool: builds one path from the shared history and runs every engine
 * on it. A path that calls process.exit() would end this worker; here it becomes an error.
 */
import { runPath, type OddsTask, type PathRecord } from './pathRun.js';

process.exit = ((code?: number | string | null) => {
  throw new Error(`the run called process.exit(${code ?? ''})`);
}) as typeof process.exit;

export default function runOddsPath(task: OddsTask): Promise<PathRecord> {
  return runPath(task);
}
