/** `goalsim validate <file...>`: checks scenario and sweep files (a sweep's variants too). */
import { isInputError } from '../errors.js';
import { loadScenarioFile, readJsonFile } from '../scenario/load.js';
import { loadSweepFile } from '../scenario/sweep.js';
import { expandVariants, prepareVariant } from '../scenario/variants.js';
import { EXIT_INPUT, EXIT_OK } from './exit.js';

export function validateCommand(files: readonly string[]): number {
  let failures = 0;
  for (const file of files) {
    try {
      const raw = readJsonFile(file) as Record<string, unknown> | null;
      if (raw !== null && typeof raw === 'object' && 'base' in raw) {
        const loaded = loadSweepFile(file);
        const prepared = expandVariants(loaded).map((variant) => prepareVariant(loaded, variant));
        const failed = prepared.filter((p) => p.kind === 'failed');
        const skipped = prepared.filter((p) => p.kind === 'skipped').length;
        for (const p of failed) if (p.kind === 'failed') process.stderr.write(`${p.reason}\n`);
        failures += failed.length > 0 ? 1 : 0;
        process.stdout.write(`${failed.length > 0 ? 'invalid' : 'ok'} ${file}: sweep of ${prepared.length} variants (${failed.length} invalid, ${skipped} skipped by constraints)\n`);
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
