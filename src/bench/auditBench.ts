/**
 * The overfitting audit at the size the issue names: a 1,000-variant x 2,000-day sweep written
 * as a folder (variant log, daily_returns.csv, monthly_goals.csv, audit.json, summary), its time
 * and its size; and PBO alone for 200 variants x 2,000 days, C(16, 8) = 12,870 splits.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { probabilityOfOverfitting } from '../analysis/pbo.js';
import { RETURN_UNITS } from '../parallel/outcome.js';
import type { SweepDefinition } from '../parallel/sweepState.js';
import type { VariantOutcome } from '../parallel/task.js';
import { writeSweepFiles } from '../report/sweepFiles.js';

export interface AuditFigures {
  readonly auditVariants: number;
  readonly auditDays: number;
  readonly auditFolderSeconds: number;
  readonly auditFolderMb: number;
  readonly pbo200Seconds: number;
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export async function auditBench(dir: string): Promise<AuditFigures> {
  const variants = 1000;
  const days = 2000;
  const random = seedrandom('goalsim-audit-bench');
  const months = Array.from({ length: Math.floor(days / 21) }, (_, m) => `${2000 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
  const outcomes = new Map<number, VariantOutcome>();
  for (let id = 0; id < variants; id++) {
    const returns = Array.from({ length: days }, () => Math.round((0.0003 + 0.01 * normal(random)) * RETURN_UNITS));
    const met = months.map(() => (random() < 0.3 ? 1 : 0) as 0 | 1);
    outcomes.set(id, {
      id,
      status: 'ok',
      error: null,
      finalEquity: '100000',
      metrics: { sharpe: returns.reduce((a, r) => a + r, 0) },
      goals: { months: months.length, monthsReturnGoalMet: met.reduce((a: number, b) => a + b, 0), monthsIncomeGoalMet: 0, portfolioTargetReachedAt: null, riskAdjustments: 0, milestones: 0 },
      series: { dayGaps: returns.map((_, i) => (i === 0 ? 10_000 : i % 5 === 0 ? 3 : 1)), returnsE8: returns, months, returnMet: met, incomeMet: months.map(() => null) },
    });
  }
  const definition: SweepDefinition = { format: 'goalsim-sweep-v1', name: 'audit-bench', base: 'none', objective: { metric: 'goals.monthsReturnGoalMet', direction: 'max' }, constraints: [], params: ['seed'], randomSeed: null, variants: [...outcomes.keys()].map((id) => ({ id, params: { seed: id } })) };
  const out = join(dir, 'audit-bench');
  const start = performance.now();
  await writeSweepFiles(out, definition, outcomes, { shard: null, interrupted: false, scope: definition.variants });
  const auditFolderSeconds = (performance.now() - start) / 1000;
  const bytes = readdirSync(out).reduce((sum, file) => sum + statSync(join(out, file)).size, 0);
  const columns = 200;
  const values = Float64Array.from({ length: days * columns }, () => 0.01 * normal(random));
  const pboStart = performance.now();
  probabilityOfOverfitting({ values, rows: days, columns, blocks: 16, metric: 'sharpe' });
  const pbo200Seconds = (performance.now() - pboStart) / 1000;
  const round = (x: number): number => Math.round(x * 100) / 100;
  return { auditVariants: variants, auditDays: days, auditFolderSeconds: round(auditFolderSeconds), auditFolderMb: round(bytes / 1e6), pbo200Seconds: round(pbo200Seconds) };
}
