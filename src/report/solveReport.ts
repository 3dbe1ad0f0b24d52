/**
 * report.md and report.html of a solve folder (README "Solve"): the choice in one sentence from
 * its confirmation paths, the search's estimates beside them, the frontier (P(goal) against the
 * first constrained probability for every candidate at its last rung) and P(goal) along each
 * parameter. Rendered from solve.json and candidates.csv.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { paramText } from '../analysis/sweepResults.js';
import { UsageError } from '../errors.js';
import { writeTextFile } from '../io/fileWriter.js';
import { markdownTable } from '../numeric/format.js';
import type { solveResultJson } from '../solve/folder.js';
import { readSolveDefinition, SOLVE_FILES, type SolveDefinition } from '../solve/runner.js';
import { escapeHtml, htmlPage, htmlTable, scatterSvg, type ScatterPoint } from './html/page.js';

type Row = Record<string, string>;
type Result = ReturnType<typeof solveResultJson>;
type Pick = NonNullable<Result['choice']>;
type Estimate = Pick['search'];

export function isSolveFolder(dir: string): boolean {
  return existsSync(join(dir, SOLVE_FILES.definition)) && existsSync(join(dir, SOLVE_FILES.candidates));
}

const pct = (value: number | null | undefined, digits = 1): string => (value === null || value === undefined ? '–' : `${(value * 100).toFixed(digits)} %`);
const interval = (low: number | null, high: number | null): string => (low === null || high === null ? '' : ` [${(low * 100).toFixed(1)}, ${(high * 100).toFixed(1)}]`);

const GOAL_WORDS: Record<string, string> = { monthly_return: 'the monthly return goal is met in', monthly_income: 'the monthly income goal is met in', portfolio_value: 'the portfolio target is reached by its date on' };
const GOAL_UNITS: Record<string, string> = { monthly_return: 'of months', monthly_income: 'of months', portfolio_value: 'of paths' };

function constraintWords(c: Estimate['constraints'][number], maxDrawdownPct: number): string {
  if (c.metric === 'drawdownBreach') return `a ${pct(c.value)}${interval(c.low, c.high)} chance of a drawdown beyond ${pct(maxDrawdownPct, 0)} (limit ${pct(c['max'] as number, 1)})`;
  if (c.metric === 'ruin') return `a ${pct(c.value)}${interval(c.low, c.high)} chance of ruin (limit ${pct(c['max'] as number, 1)})`;
  return `a final equity ${c.metric.split('.')[1]} of ${c.value === null ? '–' : c.value.toFixed(0)} (floor ${String(c['min'])})`;
}

/** The candidates a report lists; candidates.csv has them all. */
const SHOWN_CANDIDATES = 40;

function paramsWords(pick: Pick): string {
  return Object.entries(pick.params).map(([path, value]) => `${path} = ${paramText(value)}`).join(', ');
}

/** The choice in one sentence, from its confirmation paths. */
export function solveSentence(definition: SolveDefinition, result: Result): string {
  const goal = definition.solve.maximize;
  const choice = result.choice;
  if (choice === null) return `No candidate kept every constraint within its limit at the last rung (${result.candidates} candidates, ${result.budgetUsed} engine-paths): loosen a limit, widen the space, or raise the budget.`;
  const figures = choice.confirmation ?? choice.search;
  const source = choice.confirmation === null ? `the search's ${figures.paths} paths` : `${figures.paths} fresh paths`;
  const constraints = figures.constraints.map((c) => constraintWords(c, definition.maxDrawdownPct));
  return `With ${paramsWords(choice)}, ${GOAL_WORDS[goal] ?? goal} ${pct(figures.goal.probability)}${interval(figures.goal.low, figures.goal.high)} ${GOAL_UNITS[goal] ?? ''}${constraints.length === 0 ? '' : `, with ${constraints.join(' and ')}`} (on ${source}); no other candidate of the ${result.candidates} met the goal more often within the limits at the last rung.`;
}

export function writeSolveReport(dir: string): void {
  const definition = readSolveDefinition(dir);
  if (definition === undefined || !isSolveFolder(dir)) throw new UsageError(`${dir}: not a solve folder (needs ${SOLVE_FILES.definition} and ${SOLVE_FILES.candidates})`);
  const { result } = JSON.parse(readFileSync(join(dir, SOLVE_FILES.definition), 'utf8')) as { result: Result | null };
  const title = `goalsim solve: ${definition.name}`;
  if (result === null || result.interrupted) {
    const text = 'The solve has not finished: --resume continues it.';
    writeTextFile(join(dir, 'report.md'), `# ${title}\n\n${text}\n`);
    writeTextFile(join(dir, 'report.html'), htmlPage(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`));
    return;
  }
  const rows = parse(readFileSync(join(dir, SOLVE_FILES.candidates)), { columns: true }) as Row[];
  const sentence = solveSentence(definition, result);
  const solve = definition.solve;
  const paths = Object.keys(solve.space);
  const ran = rows.filter((r) => r['p_goal'] !== '');
  const chosen = String(result.choice?.candidate ?? '');
  const first = solve.subjectTo.find((c) => 'max' in c);
  const points = (x: (r: Row) => number): ScatterPoint[] =>
    ran.filter((r) => Number.isFinite(x(r))).map((r) => ({ x: x(r), y: Number(r['p_goal']), group: r['feasible'] === 'yes' ? 0 : 1, highlight: r['candidate'] === chosen, label: `candidate ${r['candidate']} (${r['paths']} paths): ${paths.map((p) => `${p} ${r[p] ?? ''}`).join(', ')}; P(goal) ${r['p_goal']}${first === undefined ? '' : `, ${first.metric} ${r[first.metric]}`}` }));
  const groups = ['feasible at its last rung', 'not feasible (or dropped)'];
  const charts = [
    ...(first === undefined || !('max' in first)
      ? []
      : [scatterSvg(`The frontier: every candidate at its last rung (the choice ringed)`, points((r) => Number(r[first.metric])), { x: `P(${first.metric})`, y: `P(${solve.maximize})`, groups, xLimits: [{ at: first.max, label: `limit ${pct(first.max)}` }], percent: { x: true, y: true } })]),
    ...paths
      .filter((p) => ran.every((r) => r[p] === '' || Number.isFinite(Number(r[p]))))
      .map((p) => scatterSvg(`P(${solve.maximize}) along ${p}`, points((r) => (r[p] === '' ? NaN : Number(r[p]))), { x: p, y: `P(${solve.maximize})`, groups, percent: { y: true } })),
  ];
  const figureRows = (label: string, e: Estimate | null | undefined): string[][] =>
    e === null || e === undefined ? [] : [[label, String(e.paths), `${pct(e.goal.probability)}${interval(e.goal.low, e.goal.high)}`, ...e.constraints.map((c) => `${c.metric === 'drawdownBreach' || c.metric === 'ruin' ? pct(c.value) + interval(c.low, c.high) : (c.value?.toFixed(0) ?? '–')}`)]];
  const figuresHeader = ['', 'paths', `P(${solve.maximize})`, ...solve.subjectTo.map((c) => c.metric)];
  const figures = [
    ...figureRows('choice: search (optimistic: chosen on these paths)', result.choice?.search),
    ...figureRows('choice: confirmation (fresh paths)', result.choice?.confirmation),
    ...figureRows('runner-up: search', result.runnerUp?.search),
    ...figureRows('runner-up: confirmation', result.runnerUp?.confirmation),
  ];
  const tableHeader = ['candidate', 'rung', 'paths', ...paths, `P(${solve.maximize})`, ...solve.subjectTo.map((c) => c.metric), 'feasible', 'reason'];
  const tableRows = [...ran]
    .sort((a, b) => Number(b['paths']) - Number(a['paths']) || Number(b['p_goal']) - Number(a['p_goal']))
    .slice(0, SHOWN_CANDIDATES)
    .map((r) => [r['candidate'] ?? '', r['rung'] ?? '', r['paths'] ?? '', ...paths.map((p) => r[p] ?? ''), pct(Number(r['p_goal'])), ...solve.subjectTo.map((c) => ('max' in c ? pct(Number(r[c.metric])) : (r[c.metric] ?? ''))), r['feasible'] ?? '', r['reason'] ?? '']);
  const candidatesTitle = ran.length > SHOWN_CANDIDATES ? `Candidates (the ${SHOWN_CANDIDATES} that ran longest)` : 'Candidates';
  const budget = `${result.candidates} candidates, rungs of ${result.rungs.join(', ')} paths, ${result.budgetUsed} of ${result.budget} engine-paths; intervals: ${result.intervals}`;
  writeTextFile(
    join(dir, 'report.md'),
    [`# ${title}`, '', `**${sentence}**`, '', budget + '.', '', markdownTable(figuresHeader, figures), '', 'The search\'s figures of the choice are optimistic (it was chosen because they were high); the confirmation paths were never used in the search.', '', `## ${candidatesTitle}`, markdownTable(tableHeader, tableRows), '', 'Every candidate is in candidates.csv; the frontier and P(goal) along each parameter are in report.html.', ''].join('\n'),
  );
  writeTextFile(
    join(dir, 'report.html'),
    htmlPage(
      title,
      [
        `<h1>${escapeHtml(title)}</h1>`,
        `<p><strong>${escapeHtml(sentence)}</strong></p>`,
        `<p class="muted">${escapeHtml(budget)}.</p>`,
        htmlTable(figuresHeader, figures),
        '<p class="muted">The search\'s figures of the choice are optimistic (it was chosen because they were high); the confirmation paths were never used in the search.</p>',
        ...charts,
        `<h2>${candidatesTitle}</h2>`,
        htmlTable(tableHeader, tableRows, { numeric: [0, 1, 2] }),
      ].join('\n'),
    ),
  );
}
