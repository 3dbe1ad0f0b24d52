/**
 * The golden folders: every shipped run scenario's `goalsim run` folder, every shipped sweep's
 * folder and a 100-path odds folder of the shipped odds scenario, built by the CLI as a user
 * builds them and reduced to a SHA-256 per file. A change meant to leave outputs alone (a
 * faster tracker, a moved module) must leave every hash as committed;
 * `GOALSIM_UPDATE_GOLDEN=1 npx vitest run test/golden` rewrites the manifest when an output is
 * meant to change, and the diff of the manifest shows which files did.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const MANIFEST = resolve('test/golden/folders.json');
const CLI = resolve('dist/cli/main.js');

/** name of the folder -> the CLI arguments that build it into `out`. */
function jobs(): Map<string, (out: string) => string[]> {
  const scenarios = ['scenarios/demo.json', ...['ci', 'compare'].flatMap((dir) => readdirSync(resolve('scenarios', dir)).filter((f) => f.endsWith('.json')).sort().map((f) => `scenarios/${dir}/${f}`))];
  const list = new Map<string, (out: string) => string[]>();
  for (const file of scenarios) list.set(`run/${basename(file, '.json')}`, (out) => ['run', file, '--out', out]);
  for (const file of readdirSync(resolve('scenarios/sweeps')).filter((f) => f.endsWith('.json')).sort()) list.set(`sweep/${basename(file, '.json')}`, (out) => ['sweep', `scenarios/sweeps/${file}`, '--workers', '2', '--out', out]);
  list.set('odds/dax-goals', (out) => ['odds', 'scenarios/odds/dax-goals.json', '--paths', '100', '--workers', '2', '--out', out]);
  return list;
}

function hashes(root: string, dir: string, into: Record<string, string>, name: string): void {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) hashes(root, path, into, name);
    else into[`${name}/${relative(root, path)}`] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
}

/** Builds every golden folder (two at a time) and returns `folder/file` -> SHA-256. */
export async function buildGoldenHashes(): Promise<Record<string, string>> {
  const root = mkdtempSync(join(tmpdir(), 'goalsim-golden-'));
  const pending = [...jobs()];
  const result: Record<string, string> = {};
  const worker = async (): Promise<void> => {
    for (let job = pending.shift(); job !== undefined; job = pending.shift()) {
      const [name, args] = job;
      const out = join(root, name);
      await run(process.execPath, [CLI, ...args(out)], { env: { ...process.env, GOALSIM_CACHE_DIR: join(root, 'cache') }, maxBuffer: 16 << 20 });
      hashes(out, out, result, name);
    }
  };
  await Promise.all([worker(), worker()]);
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => (a < b ? -1 : 1)));
}
