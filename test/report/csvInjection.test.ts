/** No CSV goalsim writes hands a spreadsheet a live formula (OWASP CSV injection). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../src/numeric/format.js';
import { goalsim, tempDir } from '../helpers.js';

describe('CSV cells', () => {
  it('that a spreadsheet would run get a leading quote; numbers stay numbers', () => {
    expect(csvLine(['=HYPERLINK("http://x","y")', '@SUM(A1)', '+1+2', '-2+3', '\tcmd', '\rx'])).toBe(`"'=HYPERLINK(""http://x"",""y"")",'@SUM(A1),'+1+2,'-2+3,'\tcmd,"'\rx"\n`);
    expect(csvLine(['-0.5', '+3', '-1e-7', '1.25', 'plain', ''])).toBe('-0.5,+3,-1e-7,1.25,plain,\n');
  });

  it('are neutralised in trades.csv and sizing_decisions.csv of a run on a hostile symbol', () => {
    const dir = tempDir();
    const file = join(dir, 'hostile.json');
    writeFileSync(file, JSON.stringify({ name: 'hostile', data: [{ symbol: '=HYPERLINK("http://evil","x")', path: resolve('data/msft-daily-2000-2001.csv'), lotStep: '1' }], account: { initialCapital: '100000' }, strategy: { name: 'sma-cross', params: { fast: 10, slow: 30 } }, sizing: { engine: 'fixed-fraction', params: { fraction: 0.5 } } }));
    const out = join(dir, 'out');
    expect(goalsim(['run', file, '--out', out]).code).toBe(0);
    for (const name of ['trades.csv', 'sizing_decisions.csv']) {
      const rows = readFileSync(join(out, name), 'utf8').trim().split('\n').slice(1);
      expect(rows.length, name).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row, name).toContain(`"'=HYPERLINK(`);
        expect(/(^|,)"?[=@]/.test(row), `${name}: no cell starts a formula: ${row.slice(0, 60)}`).toBe(false);
      }
    }
  });
});
