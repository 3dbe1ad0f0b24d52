/** `goalsim validate <file...>`: checks scenario, sweep and solve files (a sweep's variants too). */
import { isInputError, ScenarioError } from '../errors.js';
import { loadScenarioFile, readJsonFile } from '../scenario/load.js';
import { baseScenarioOf, loadSweepFile, sweepWarnings } from '../scenario/sweep.js';
import { loadSolveFile } from '../solve/solveFile.js';
import { expandVariants, prepareVariant } from '../scenario/variants.js';
import { EXIT_INPUT, EXIT_OK } from './exit.js';

export function validateCommand(files: readonly string[]): number {
  let failures = 0;
  for (const file of files) {
    try {
      const raw = readJsonFile(file) as Record<string, unknown> | null;
      if (raw !== null && typeof raw === 'object' && 'base' in raw && 'space' in raw) {
        const loaded = loadSolveFile(file);
        const base = baseScenarioOf(loaded.sweep);
        const goals = base.goals.map((goal) => goal.type);
        if (!goals.includes(loaded.solve.maximize)) throw new ScenarioError(`the base scenario has no ${loaded.solve.maximize} goal (it has ${goals.join(', ') || 'none'})`, file, 'maximize');
        process.stdout.write(`ok ${file}: solve over ${Object.keys(loaded.solve.space).length} parameters of scenario "${base.scenario.name}"\n`);
      } else if (raw !== null && typeof raw === 'object' && 'base' in raw) {
        const loaded = loadSweepFile(file);
        const prepared = expandVariants(loaded).map((variant) => prepareVariant(loaded, variant));
        const failed = prepared.filter((p) => p.kind === 'failed');
        const skipped = prepared.filter((p) => p.kind === 'skipped').length;
        for (const p of failed) if (p.kind === 'failed') process.stderr.write(`${p.reason}\n`);
        failures += failed.length > 0 ? 1 : 0;
        process.stdout.write(`${failed.length > 0 ? 'invalid' : 'ok'} ${file}: sweep of ${prepared.length} variants (${failed.length} invalid, ${skipped} skipped by constraints)\n`);
        for (const warning of sweepWarnings(loaded.sweep)) process.stderr.write(`warning ${file}: ${warning}\n`);
      } else {
        const resolved = loadScenarioFile(file);
        process.stdout.write(`ok ${file}: scenario "${resolved.scenario.name}"\n`);
      }
    } catch (error) {
      if (!isInputError(error)) throw error;
      failures++;
      process.stderr.write(`${error.message}\n`);
    }
  }
  return failures > 0 ? EXIT_INPUT : EXIT_OK;
}
