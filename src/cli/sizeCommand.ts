/** `goalsim size`: JSON lines in (stdin or --request FILE), one decision per line out. */
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { sizeLines } from '../sizing/calculator.js';
import { EXIT_FAILED, EXIT_OK } from './exit.js';

export function sizeCommand(options: { readonly request?: string | undefined; readonly stdin: () => string }): number {
  let text: string;
  if (options.request !== undefined) {
    try {
      text = readFileSync(options.request, 'utf8');
    } catch {
      throw new UsageError(`${options.request}: request file not found`);
    }
  } else text = options.stdin();
  const { output, failed } = sizeLines(text.split(/\r?\n/));
  if (output.length > 0) process.stdout.write(`${output.join('\n')}\n`);
  return failed > 0 ? EXIT_FAILED : EXIT_OK;
}
