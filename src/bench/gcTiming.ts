/**
 * Timing with the share of garbage collection in it: PerformanceObserver `gc` entries summed
 * over the timed work, and the CPU time of all the process's threads. The bench's in-process
 * cases (the daily goal path, an odds worker's task) measure with it.
 */
import { PerformanceObserver } from 'node:perf_hooks';

export interface GcTiming {
  readonly ms: number;
  /** Garbage collection within the work, in ms. */
  readonly gcMs: number;
  /** CPU time of all threads within the work, in ms. */
  readonly cpuMs: number;
}

/** Lets the observer's entries arrive: they are delivered after the work, not during it. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

export async function timeWithGc(work: () => Promise<void>): Promise<GcTiming> {
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  await settle();
  gcMs = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  await settle();
  observer.disconnect();
  return { ms, gcMs, cpuMs: (used.user + used.system) / 1000 };
}

/** GC share in percent (one decimal) and CPU over wall (two decimals) of a timing. */
export const gcShare = (timing: GcTiming): number => Math.round((timing.gcMs / timing.ms) * 1000) / 10;
export const cpuOverWall = (timing: GcTiming): number => Math.round((timing.cpuMs / timing.ms) * 100) / 100;
