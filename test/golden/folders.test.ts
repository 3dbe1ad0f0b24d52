import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGoldenHashes, MANIFEST } from './folders.js';

/** The manifest: the Node line that wrote it, and each file's SHA-256. */
interface Manifest {
  readonly node: string;
  readonly files: Readonly<Record<string, string>>;
}

const nodeLine = (version: string): string => version.split('.')[0] as string;

/**
 * Files that hold floats at full precision from Math.pow (an odds path's CAGR and the odds
 * summary of it): V8's pow is not correctly rounded and changed between Node lines (Node 20
 * and 24 differ in the last bit of some CAGRs), so on another line than the manifest's these
 * are left out. Everything goalsim writes at 10 significant digits is compared on every line.
 */
const FULL_PRECISION_POW = new Set(['odds/dax-goals/odds.json', 'odds/dax-goals/paths.jsonl']);

describe('golden folders', () => {
  it("every shipped scenario's run folder, every shipped sweep's folder and the odds folder are byte-identical to the committed manifest", async () => {
    const built = await buildGoldenHashes();
    if (process.env['GOALSIM_UPDATE_GOLDEN'] === '1') writeFileSync(MANIFEST, `${JSON.stringify({ node: nodeLine(process.version), files: built } satisfies Manifest, null, 2)}\n`);
    expect(existsSync(MANIFEST), 'test/golden/folders.json: run with GOALSIM_UPDATE_GOLDEN=1 to write it').toBe(true);
    const committed = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
    const sameLine = committed.node === nodeLine(process.version);
    const differing = Object.keys({ ...committed.files, ...built }).filter((file) => committed.files[file] !== built[file] && (sameLine || !FULL_PRECISION_POW.has(file)));
    // the names of the files that changed (or appeared, or went), not 70 hashes
    expect(differing).toEqual([]);
    expect(Object.keys(built).length).toBeGreaterThan(100);
  }, 180_000);
});
