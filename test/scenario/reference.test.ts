/**
 * docs/reference.md is generated from the schemas and catalogues, so it cannot drift: the
 * committed page must equal what `npm run docs` writes, every option has a sentence, no
 * sentence describes an option that does not exist, and every link an error hint gives lands on
 * a heading of the page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MEANING_KEYS, REFERENCE_FILE, referenceHint, referenceMarkdown, referenceRows, slugOf } from '../../src/scenario/reference.js';
import { ENGINE_CATALOGUE } from '../../src/sizing/registry.js';

const page = referenceMarkdown();
const anchors = new Set([...page.matchAll(/^#+ (.+)$/gm)].map((m) => slugOf(m[1] ?? '')));

describe('the scenario reference', () => {
  it('is committed as generated (run `npm run docs` after changing a schema)', () => {
    expect(readFileSync(REFERENCE_FILE, 'utf8')).toBe(page);
  });

  it('has a section per engine and strategy, each default as the schema gives it', () => {
    for (const engine of ENGINE_CATALOGUE) expect(anchors.has(`sizing-engine-${engine.name}`), engine.name).toBe(true);
    for (const strategy of ['sma-cross', 'breakout', 'buy-and-hold', 'signals', 'module']) expect(anchors.has(`strategy-${strategy}`), strategy).toBe(true);
    expect(page).toContain('| `fraction` | number > 0, <= 1 | `0.1` |');
    expect(page).toContain('| `goalFactor.thresholds.ahead` | number | `1.15` |');
    // a default behind a transform (a decimal string) is read by parsing, not lost
    expect(page).toContain('| `lotStep` | string or number | `"0.00000001"` |');
    expect(page).toContain('| `initialCapital` | string or number | required |');
  });

  it('says what every option means, and nothing about options that do not exist', () => {
    const rows = referenceRows();
    expect(rows.filter((r) => r.row.meaning === '').map((r) => `${r.section}: ${r.row.path}`)).toEqual([]);
    const used = new Set(rows.map((r) => `${r.key}.${r.row.path}`));
    expect(MEANING_KEYS.filter((key) => !used.has(key))).toEqual([]);
  });

  it("points an error's hint at the section of what failed, a heading that exists", () => {
    const raw = { sizing: { engine: 'pipeline' }, strategy: { name: 'breakout' } };
    const cases: [string, string][] = [
      ['sizing.params.goalFactor.bounds.min', 'sizing engine pipeline: its options and their defaults are in docs/reference.md#sizing-engine-pipeline'],
      ['strategy.params.entry', 'strategy breakout: its options and their defaults are in docs/reference.md#strategy-breakout'],
      ['data[0].kind', 'data sources: its options and their defaults are in docs/reference.md#data-sources'],
      ['tracker.maxRisk', 'tracker: its options and their defaults are in docs/reference.md#tracker'],
      ['account', 'account: its options and their defaults are in docs/reference.md#account'],
      ['', 'scenario: its options and their defaults are in docs/reference.md#scenario'],
    ];
    for (const [path, hint] of cases) expect(referenceHint(path, raw), path).toBe(hint);
    for (const [, hint] of cases) expect(anchors.has(hint.split('#')[1] ?? ''), hint).toBe(true);
    // a name that is no engine has no section: the page as a whole
    expect(referenceHint('sizing.engine', { sizing: { engine: 'martingale' } })).toBe('every strategy, sizing engine and option is in docs/reference.md');
    expect(referenceHint('sizing.params', null)).toBe('every strategy, sizing engine and option is in docs/reference.md');
  });
});
