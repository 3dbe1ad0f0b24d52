/**
 * Path of a compiled worker script. Workers always run the built JavaScript in dist/: under
 * the test runner this module is loaded from src/ as TypeScript, which a worker cannot run.
 */
import { fileURLToPath } from 'node:url';

export function workerScript(relativeToSrc: string): string {
  const here = fileURLToPath(import.meta.url);
  const srcOrDist = here.endsWith('.ts') ? here.replace(/[/\\]src[/\\]parallel[/\\]workerScript\.ts$/, '/dist') : here.replace(/[/\\]parallel[/\\]workerScript\.js$/, '');
  return `${srcOrDist}/${relativeToSrc}`;
}
