/** Writes report.md and report.html into a run folder, from the folder's files. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRunFiles } from './readRun.js';
import { buildRunReport } from './runReport.js';

export async function writeRunReport(dir: string): Promise<void> {
  const { markdown, html } = await buildRunReport(readRunFiles(dir));
  writeFileSync(join(dir, 'report.md'), markdown);
  writeFileSync(join(dir, 'report.html'), html);
}
