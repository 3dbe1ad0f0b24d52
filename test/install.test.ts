/**
 * An install warns about no engine on any Node line goalsim supports: every package in the lock
 * file that states a Node range admits the oldest release of each line package.json's engines
 * admits (and 26, the newest CI tests). A dependency bumped to one that drops a line fails here
 * rather than in a user's `npm install`.
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }> };

/** The first release of each supported line: the oldest Node a user of that line may have. */
const LINE_STARTS = ['20.19.0', '22.13.0', '24.0.0', '26.0.0'];

describe('supported Node lines', () => {
  it("package.json's engines admit each line's first supported release, and no release before", () => {
    for (const version of LINE_STARTS) expect(semver.satisfies(version, pkg.engines.node), version).toBe(true);
    for (const version of ['18.20.0', '20.18.0', '21.7.0', '22.12.0', '23.11.0']) expect(semver.satisfies(version, pkg.engines.node), version).toBe(false);
  });

  it('no locked package asks for a newer Node than those', () => {
    const refusing: string[] = [];
    for (const [name, entry] of Object.entries(lock.packages)) {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (name === '' || range === undefined) continue;
      for (const version of LINE_STARTS) if (!semver.satisfies(version, range)) refusing.push(`${name} (${range}) refuses ${version}`);
    }
    expect(refusing).toEqual([]);
  });
});
