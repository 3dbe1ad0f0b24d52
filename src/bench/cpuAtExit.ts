/**
 * Preloaded into a benchmarked child (`node --import`): at exit it writes the CPU time of all the
 * process's threads (main, workers and V8's helpers) to GOALSIM_CPU_FILE, in milliseconds. No-op
 * without the variable.
 */
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env['GOALSIM_CPU_FILE'];
if (file !== undefined && isMainThread) {
  process.on('exit', () => {
    const cpu = process.cpuUsage();
    writeFileSync(file, String((cpu.user + cpu.system) / 1000));
  });
}
