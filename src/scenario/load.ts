/**
 * Reading and validating a scenario file, and resolving what the file leaves relative:
 * data paths (relative to the scenario file) and the period (UTC instants).
 */
import { readFileSync } from 'node:fs';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { BadRowPolicy } from '../data/badRows.js';
import type { PriceSourceOptions } from '../data/source.js';
import { MS_PER_DAY, parseTimestamp } from '../data/timestamp.js';
import { ScenarioError } from '../errors.js';
import { GOAL_PRESETS } from '../goals/presets.js';
import { readRateSeries, type AnnualRate, type RateBounds } from '../data/rateSeries.js';
import type { GoalConfig } from '../goals/types.js';
import { duplicateKey, lineColumn, tooDeep } from './jsonText.js';
import { paramsAt } from './owners.js';
import { schemaError } from './problems.js';
import { referenceHint } from './reference.js';
import { scenarioSchema, WEEKDAY_NAMES, type Scenario } from './schema.js';

export interface SignalsSource {
  readonly path: string;
  readonly displayPath: string;
  readonly onBadRow: BadRowPolicy;
}

export interface ResolvedScenario {
  readonly scenario: Scenario;
  /** The scenario file as given (used in messages). */
  readonly file: string;
  readonly priceSources: readonly (PriceSourceOptions & { readonly dataIndex: number })[];
  readonly signalsSource: SignalsSource | undefined;
  /** The scenario's goals (preset plus list), target dates resolved. */
  readonly goals: readonly GoalConfig[];
  /** Bars with periodStart <= time < periodEnd are simulated. */
  readonly periodStart: number;
  readonly periodEnd: number;
  /** account.cashRate, its file read when it names one. */
  readonly cashRate: AnnualRate;
  /** metrics.riskFreeRate, likewise. */
  readonly riskFreeRate: AnnualRate;
}

export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ScenarioError('file not found or not readable', file, '');
  }
  const deep = tooDeep(text);
  if (deep !== undefined) throw new ScenarioError(`not valid JSON here: ${deep}`, file, '');
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new ScenarioError(`not valid JSON: ${jsonErrorAt(text)}`, file, '');
  }
  const twice = duplicateKey(text);
  if (twice !== undefined) throw new ScenarioError(twice, file, '');
  return value;
}

/**
 * Where a text stops being JSON, as line:column and what is wrong there. JSON.parse says
 * neither (Node quotes the whole text back instead); jsonc-parser reports offsets, with comments
 * and trailing commas counted as errors, as JSON has them.
 */
function jsonErrorAt(text: string): string {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first === undefined) return 'unreadable';
  return `${lineColumn(text, first.offset)}: ${printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
}

/** First schema problem as a ScenarioError naming the JSON path. */
export function validateScenario(raw: unknown, file: string): Scenario {
  const parsed = scenarioSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    throw schemaError(file, parsed.error, scenarioSchema, {
      paramsAt: (path) => paramsAt(path, raw),
      hintAt: (jsonPath) => referenceHint(jsonPath, raw),
    });
  }
  return parsed.data;
}

function periodBound(text: string | undefined, file: string, key: 'start' | 'end'): number {
  if (text === undefined) return key === 'start' ? -Infinity : Infinity;
  const time = parseTimestamp(text);
  if (!Number.isFinite(time)) throw new ScenarioError(`"${text}" is not an ISO-8601 date or time`, file, `period.${key}`);
  // A bare end date includes that whole day.
  return key === 'end' && text.length === 10 ? time + MS_PER_DAY : key === 'end' ? time + 1 : time;
}

/** Resolves a validated scenario that was read from `file` (paths are relative to it). */
export function resolveScenario(scenario: Scenario, file: string): ResolvedScenario {
  const baseDir = dirname(resolve(file));
  // an absolute path is shown as the user wrote it; a relative one from the working folder
  const locate = (path: string): { path: string; displayPath: string } => {
    const absolute = resolve(baseDir, path);
    return { path: absolute, displayPath: isAbsolute(path) ? path : relative(process.cwd(), absolute) || absolute };
  };
  const priceSources: (PriceSourceOptions & { dataIndex: number })[] = [];
  let signalsSource: SignalsSource | undefined;
  scenario.data.forEach((source, dataIndex) => {
    if (source.kind === 'signals') {
      signalsSource = { ...locate(source.path), onBadRow: source.onBadRow };
      return;
    }
    priceSources.push({
      ...locate(source.path),
      dataIndex,
      symbol: source.symbol ?? '',
      format: source.format,
      kind: source.kind,
      columns: source.columns,
      barInterval: source.barInterval,
      resample: source.resample,
      onBadRow: source.onBadRow,
      staleBars: source.staleBars,
      weekdays: source.weekdays?.map((day) => WEEKDAY_NAMES.indexOf(day)),
    });
  });
  const goals = resolveGoals(scenario, file);
  const periodStart = periodBound(scenario.period.start, file, 'start');
  const periodEnd = periodBound(scenario.period.end, file, 'end');
  if (periodStart >= periodEnd) throw new ScenarioError('the period ends before it starts', file, 'period.end');
  const annualRate = (rate: number | { readonly path: string }, bounds: RateBounds): AnnualRate => {
    if (typeof rate === 'number') return rate;
    const located = locate(rate.path);
    return readRateSeries(located.path, located.displayPath, rate.path, bounds);
  };
  const cashRate = annualRate(scenario.account.cashRate, { min: 0, minInclusive: true, max: 1 });
  const riskFreeRate = annualRate(scenario.metrics.riskFreeRate, { min: -1, minInclusive: false, max: 1 });
  return { scenario, file, priceSources, signalsSource, goals, periodStart, periodEnd, cashRate, riskFreeRate };
}

function resolveGoals(scenario: Scenario, file: string): GoalConfig[] {
  if (scenario.goals === undefined) return [];
  const preset: readonly GoalConfig[] = scenario.goals.preset === undefined ? [] : GOAL_PRESETS[scenario.goals.preset].goals;
  const listed = scenario.goals.list.map((goal, index): GoalConfig => {
    const targetDate = goal.targetDate === undefined ? undefined : parseTimestamp(goal.targetDate);
    if (targetDate !== undefined && !Number.isFinite(targetDate)) throw new ScenarioError(`"${goal.targetDate}" is not an ISO-8601 date`, file, `goals.list[${index}].targetDate`);
    const presetPriority = preset.find((p) => p.type === goal.type)?.priority;
    return { type: goal.type, target: goal.target, priority: goal.priority ?? presetPriority ?? preset.length + index + 1, targetDate };
  });
  return [...preset.filter((p) => !listed.some((l) => l.type === p.type)), ...listed];
}

export function loadScenarioFile(file: string): ResolvedScenario {
  return resolveScenario(validateScenario(readJsonFile(file), file), file);
}
