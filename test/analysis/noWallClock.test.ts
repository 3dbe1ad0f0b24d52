/** Nothing in the core reads wall time or draws unseeded randomness (STYLE: the simulated clock is the only clock). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

// Only the benchmark (timing is its job) and the CLI (progress rate and ETA shown to a person)
// may read wall time; the core that produces results may not.
const EXEMPT = [join('src', 'bench'), join('src', 'cli')];
const BANNED = [/\bDate\.now\s*\(/, /\bMath\.random\s*\(/, /new Date\(\s*\)/, /\bperformance\.now\s*\(/];

describe('no wall-clock reads or unseeded randomness in src/', () => {
  const files = sources('src').filter((file) => !EXEMPT.some((folder) => file.startsWith(folder)));
  it('scans the whole source tree', () => {
    expect(files.length).toBeGreaterThan(30);
  });
  it.each(files)('%s', (file) => {
    const text = readFileSync(file, 'utf8');
    for (const pattern of BANNED) expect(pattern.test(text), `${file} matches ${pattern}`).toBe(false);
  });
});
