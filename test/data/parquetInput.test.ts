/**
 * Parquet bars as input (`format: "parquet"`): the DAX closes written to Parquet (timestamps as
 * TIMESTAMP, closes as DOUBLE, under the file's own column names) run to the same trades and
 * equity as the CSV, byte for byte; a bad row is named by its row number and column as a CSV's is.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parquetWriteFile } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { loadBarsParquet, cellText } from '../../src/data/loadParquet.js';
import { parseTimestamp } from '../../src/data/timestamp.js';
import { goalsim, tempDir } from '../helpers.js';

const CSV = resolve('data/dax-daily-close-1991-1998.csv');
const rows = parse(readFileSync(CSV), { columns: true }) as { timestamp: string; close: string }[];

function writeDax(path: string, closes: readonly number[] = rows.map((r) => Number(r.close))): void {
  parquetWriteFile({
    filename: path,
    columnData: [
      { name: 'Date', data: rows.map((r) => new Date(parseTimestamp(r.timestamp))), type: 'TIMESTAMP' },
      { name: 'Close', data: [...closes], type: 'DOUBLE' },
    ],
  });
}

describe('Parquet bars as input', () => {
  it('runs to the same trades and equity as the CSV', () => {
    const dir = tempDir();
    writeDax(join(dir, 'dax.parquet'));
    const scenario = JSON.parse(readFileSync('scenarios/compare/dax-pipeline.json', 'utf8')) as { data: Record<string, unknown>[] };
    writeFileSync(join(dir, 'csv.json'), JSON.stringify({ ...scenario, data: [{ ...scenario.data[0], path: CSV }] }));
    writeFileSync(join(dir, 'parquet.json'), JSON.stringify({ ...scenario, data: [{ ...scenario.data[0], path: 'dax.parquet', format: 'parquet', columns: { timestamp: 'Date', close: 'Close' } }] }));
    for (const name of ['csv', 'parquet']) {
      const run = goalsim(['run', join(dir, `${name}.json`), '--no-cache', '--out', join(dir, name)]);
      expect(run.code, run.stderr).toBe(0);
    }
    for (const file of ['trades.csv', 'equity.csv', 'sizing_decisions.csv']) expect(readFileSync(join(dir, 'parquet', file), 'utf8'), file).toBe(readFileSync(join(dir, 'csv', file), 'utf8'));
  }, 120_000);

  it('names a bad row by its number and column, and skips it when asked', async () => {
    const dir = tempDir();
    const closes = rows.map((r) => Number(r.close));
    closes[4] = -1;
    const path = join(dir, 'bad.parquet');
    writeDax(path, closes);
    const options = { symbol: 'DAX', path, displayPath: 'bad.parquet', format: 'parquet', kind: 'close', columns: { timestamp: 'Date', close: 'Close' }, onBadRow: 'error' } as const;
    await expect(loadBarsParquet(options)).rejects.toThrow('bad.parquet:5: column "Close" is -1, but prices must be > 0');
    const skipped = await loadBarsParquet({ ...options, onBadRow: 'skip' });
    expect([skipped.series.length, skipped.skipped.count]).toEqual([rows.length - 1, 1]);
    await expect(loadBarsParquet({ ...options, columns: { timestamp: 'Date', close: 'Price' } })).rejects.toThrow(/bad\.parquet.*"Price"/);
    writeFileSync(join(dir, 'text.parquet'), 'timestamp,close\n');
    await expect(loadBarsParquet({ ...options, path: join(dir, 'text.parquet'), displayPath: 'text.parquet' })).rejects.toThrow('text.parquet: not a Parquet file goalsim can read');
  });

  it('turns each cell into the text a CSV would hold', () => {
    expect([cellText(null), cellText(new Date(Date.UTC(2020, 0, 2))), cellText(1e-7), cellText(12.5), cellText(1_600_000_000_000n), cellText('x')]).toEqual(['', '2020-01-02T00:00:00.000Z', '0.0000001', '12.5', '1600000000000', 'x']);
  });
});
