/** Writes report.md and report.html into a run folder, from the folder's files. */
import { writeTextFile } from '../io/fileWriter.js';
import { join } from 'node:path';
import { readRunFiles } from './readRun.js';
import { buildRunReport } from './runReport.js';

export async function writeRunReport(dir: string): Promise<void> {
  const { markdown, html } = await buildRunReport(await readRunFiles(dir));
  writeTextFile(join(dir, 'report.md'), markdown);
  writeTextFile(join(dir, 'report.html'), html);
}
