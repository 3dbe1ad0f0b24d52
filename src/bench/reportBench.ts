/**
 * Report benchmark: a 1,000,000-bar run with goals (sma-cross + fixed-fraction, seed-001 goals,
 * hourly tracker) through `goalsim run`'s files and report; the report's size, the time to build
 * it, and, when Chromium is installed, the time until every chart has drawn.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeRunFiles } from '../report/runFiles.js';
import { writeRunReport } from '../report/writeReports.js';
import { loadScenarioFile } from '../scenario/load.js';
import { loadScenarioData } from '../sim/loadData.js';
import { runScenario } from '../sim/run.js';

export interface ReportFigures {
  readonly report1mMb: number;
  readonly report1mBuildMs: number;
  readonly report1mRenderMs: number | null;
}

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function reportBench(dir: string, csvPath: string, cacheDir: string): Promise<ReportFigures> {
  const scenarioFile = join(dir, 'report-bench.json');
  writeFileSync(
    scenarioFile,
    JSON.stringify({
      name: 'report-bench',
      data: [{ symbol: 'BENCH', path: csvPath, assetClass: 'crypto', lotStep: '0.0001' }],
      account: { currency: 'USD', initialCapital: '100000' },
      strategy: { name: 'sma-cross', params: { fast: 10, slow: 30, stopLossPct: 0.01 } },
      sizing: { engine: 'fixed-fraction', params: { fraction: 0.5 } },
      goals: { preset: 'seed-001' },
      tracker: { intervalMinutes: 60 },
    }),
  );
  const resolved = loadScenarioFile(scenarioFile);
  const result = await runScenario(resolved, await loadScenarioData(resolved, cacheDir));
  const out = join(dir, 'report-bench');
  writeRunFiles(result, out);
  const started = performance.now();
  await writeRunReport(out);
  const report1mBuildMs = Math.round(performance.now() - started);
  const html = join(out, 'report.html');
  let report1mRenderMs: number | null = null;
  if (existsSync(CHROMIUM)) {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const begin = performance.now();
      await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
      await page.waitForFunction(() => (globalThis as unknown as { document: { body: { dataset: Record<string, string | undefined> } } }).document.body.dataset['chartsDrawn'] !== undefined);
      report1mRenderMs = Math.round(performance.now() - begin);
    } finally {
      await browser.close();
    }
  }
  return { report1mMb: Math.round((statSync(html).size / 1e6) * 100) / 100, report1mBuildMs, report1mRenderMs };
}
