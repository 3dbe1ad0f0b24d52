import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGoldenHashes, MANIFEST } from './folders.js';

describe('golden folders', () => {
  it("every shipped scenario's run folder, every shipped sweep's folder and the odds folder are byte-identical to the committed manifest", async () => {
    const built = await buildGoldenHashes();
    if (process.env['GOALSIM_UPDATE_GOLDEN'] === '1') writeFileSync(MANIFEST, `${JSON.stringify(built, null, 2)}\n`);
    expect(existsSync(MANIFEST), 'test/golden/folders.json: run with GOALSIM_UPDATE_GOLDEN=1 to write it').toBe(true);
    const committed = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
    const differing = Object.keys({ ...committed, ...built }).filter((file) => committed[file] !== built[file]);
    // the names of the files that changed (or appeared, or went), not 70 hashes
    expect(differing).toEqual([]);
    expect(Object.keys(built).length).toBeGreaterThan(100);
  }, 180_000);
});
