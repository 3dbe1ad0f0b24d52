/**
 * report.md and report.html of a sweep folder: the ranked table, a heat map of the mean
 * objective over two chosen parameters, and the marginals. Rendered from the folder's files.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { UsageError } from '../errors.js';
import { escapeHtml, heatmapSvg, htmlPage, htmlTable } from './html/page.js';
import { markdownTable, significantCell } from '../numeric/format.js';
import { readSweepDefinition } from '../parallel/sweepState.js';

type Row = Record<string, string>;

export function isSweepFolder(dir: string): boolean {
  return existsSync(join(dir, 'sweep.json')) && existsSync(join(dir, 'results.csv'));
}

const short = (path: string): string => path.split('.').pop() ?? path;

export function writeSweepReport(dir: string, axes: { x?: string | undefined; y?: string | undefined } = {}): void {
  const definition = readSweepDefinition(dir);
  if (definition === undefined || !isSweepFolder(dir)) throw new UsageError(`${dir}: not a sweep folder (needs sweep.json and results.csv)`);
  const results = parse(readFileSync(join(dir, 'results.csv')), { columns: true }) as Row[];
  const marginals = existsSync(join(dir, 'marginals.csv')) ? (parse(readFileSync(join(dir, 'marginals.csv')), { columns: true }) as Row[]) : [];
  const x = axes.x ?? definition.heatmap?.x ?? definition.params[0];
  const y = axes.y ?? definition.heatmap?.y ?? definition.params[1];
  for (const axis of [x, y]) if (axis !== undefined && !definition.params.includes(axis)) throw new UsageError(`--x/--y: "${axis}" is not a swept parameter (${definition.params.join(', ')})`);
  const objective = `${definition.objective.metric} (${definition.objective.direction})`;
  const ranked = results.filter((row) => row['rank'] !== '');
  const header = ['rank', 'variant', ...definition.params.map(short), 'objective', 'trades', 'maxDrawdown', 'status'];
  // 4 significant digits here; results.csv keeps every digit
  const tableRows = results.slice(0, 50).map((row) => [row['rank'] ?? '', row['variant'] ?? '', ...definition.params.map((p) => row[p] ?? ''), significantCell(row['objective'] ?? ''), row['trades'] ?? '', significantCell(row['maxDrawdown'] ?? ''), row['status'] ?? '']);

  let heatmap = '';
  if (x !== undefined && y !== undefined && x !== y) {
    const values = (path: string): string[] => [...new Set(ranked.map((row) => row[path] ?? '').filter((v) => v !== ''))].sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : 1));
    const cell = (vx: string, vy: string): number | null => {
      const hits = ranked.filter((row) => row[x] === vx && row[y] === vy).map((row) => Number(row['objective']));
      return hits.length === 0 ? null : hits.reduce((a, b) => a + b, 0) / hits.length;
    };
    heatmap = heatmapSvg(values(x), values(y), cell, { x: short(x), y: short(y), value: definition.objective.metric });
  }
  const marginalRows = marginals.map((m) => [short(m['parameter'] ?? ''), m['value'] ?? '', m['count'] ?? '', significantCell(m['mean_objective'] ?? ''), m['best_variant'] ?? '']);
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { counts: Record<string, number> };
  const counts = Object.entries(summary.counts).map(([k, v]) => `${k} ${v}`).join(', ');
  const title = `goalsim sweep: ${definition.name}`;
  const md = markdownTable;
  writeFileSync(
    join(dir, 'report.md'),
    [`# ${title}`, '', `Objective ${objective}; ${counts}.`, '', '## Ranking', md(header, tableRows), '', '## Marginals', md(['parameter', 'value', 'count', 'mean objective', 'best variant'], marginalRows), '', 'The heat map is in report.html.', ''].join('\n'),
  );
  writeFileSync(
    join(dir, 'report.html'),
    htmlPage(
      title,
      [
        `<h1>${escapeHtml(title)}</h1>`,
        `<p class="muted">Objective ${escapeHtml(objective)}; ${escapeHtml(counts)}. Parameters: ${escapeHtml(definition.params.join(', '))}.</p>`,
        ...(heatmap === '' ? [] : ['<h2>Heat map</h2>', heatmap]),
        '<h2>Ranking</h2>',
        htmlTable(header, tableRows, { numeric: [0, 1, header.length - 4, header.length - 3, header.length - 2] }),
        '<h2>Marginals</h2>',
        htmlTable(['parameter', 'value', 'count', 'mean objective', 'best variant'], marginalRows, { numeric: [2, 3, 4] }),
      ].join('\n'),
    ),
  );
}
