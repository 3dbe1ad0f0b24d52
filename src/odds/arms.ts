/**
 * The arms of an odds run: each a name and a full sizing (any engine with its parameters, a user
 * module included) that runs on every path. `--engines a,b` names arms by engine: the scenario's
 * own engine keeps its parameters, another engine takes its defaults (and odds.json records
 * which). Every goal-aware arm gets its goal-off twin (see the sizing catalogue's goalOff) unless
 * twins are turned off, so that the goal's effect is measured against the same engine without it;
 * and the arms end with the buy-and-hold benchmark unless it is turned off.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { ScenarioError, UsageError } from '../errors.js';
import { resolveScenario, validateScenario, type ResolvedScenario } from '../scenario/load.js';
import { defaultSizing, type ScenarioSizing, type StrategyConfig } from '../scenario/schema.js';
import { BENCHMARK_NAME, buyAndHoldScenario } from '../sim/benchmark.js';
import { goalOffTwin, isBuiltInEngine, type SizingConfig } from '../sizing/registry.js';

/** An arm as the user gives it: its sizing is validated against the scenario. */
export interface ArmInput {
  readonly name: string;
  readonly sizing: unknown;
}

/** An arm resolved: the scenario it runs, and for a twin, the arm it is the goal-off twin of. */
export interface Arm {
  readonly name: string;
  readonly resolved: ResolvedScenario;
  readonly twinOf: string | null;
  /** The buy-and-hold benchmark (sim/benchmark.ts): neither sized to a goal nor risk-matched. */
  readonly benchmark?: true | undefined;
  /** Ran with the engine's defaults because the user named only the engine. */
  readonly defaults: boolean;
}

/** The name of an arm's goal-off twin. */
export const twinName = (arm: string): string => `${arm}:goal-off`;

const MAX_NAME = 100;

/** A character below U+0020: a name goes into CSV cells and terminal tables. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20) return true;
  return false;
}

/** One arm per engine name: the scenario's own sizing for its engine, the defaults for another. */
export function armsFromEngines(resolved: ResolvedScenario, engines: readonly string[]): ArmInput[] {
  return engines.map((engine) => {
    if (resolved.scenario.sizing.engine === engine) return { name: engine, sizing: resolved.scenario.sizing };
    const sizing = defaultSizing(engine);
    if (sizing === undefined) throw new UsageError(`--engines ${engine}: a user sizing module runs only as the scenario's own sizing or as an arm of --arms`);
    return { name: engine, sizing };
  });
}

const isInlineArms = (text: string): boolean => /^\s*[[{]/.test(text);

/** How messages name where `--arms` came from: its file, or the option for inline JSON. */
export const armsSource = (text: string): string => (isInlineArms(text) ? '--arms' : text);

/**
 * The arms of `--arms`: a JSON file, or inline JSON, holding an array of `{"name", "sizing"}`.
 * A module's path in a file is relative to that file.
 */
export function readArmsOption(text: string): ArmInput[] {
  const inline = isInlineArms(text);
  const source = armsSource(text);
  if (!inline && !existsSync(text)) throw new UsageError(`--arms ${text}: no such file; give a JSON file or an inline JSON array of {"name", "sizing"}`);
  let raw: unknown;
  try {
    raw = JSON.parse(inline ? text : readFileSync(text, 'utf8'));
  } catch (error) {
    throw new UsageError(`${source}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!Array.isArray(raw) || raw.length === 0) throw new UsageError(`${source}: give a non-empty array of arms, e.g. [{"name": "ff-15", "sizing": {"engine": "fixed-fraction", "params": {"fraction": 0.15}}}]`);
  return raw.map((item: unknown, i) => {
    const arm = item as { name?: unknown; sizing?: unknown } | null;
    if (arm === null || typeof arm !== 'object' || Array.isArray(arm)) throw new UsageError(`${source}: [${i}]: an arm is an object {"name", "sizing"}`);
    const unknownKeys = Object.keys(arm).filter((key) => key !== 'name' && key !== 'sizing');
    if (unknownKeys.length > 0) throw new UsageError(`${source}: [${i}]: unknown key "${unknownKeys[0]}"; an arm has "name" and "sizing"`);
    if (typeof arm.name !== 'string') throw new UsageError(`${source}: [${i}].name: give the arm a name`);
    const sizing = arm.sizing as { engine?: unknown; module?: unknown } | undefined;
    // a module path written in the arms file is relative to that file
    if (!inline && sizing?.engine === 'module' && typeof sizing.module === 'string' && !isAbsolute(sizing.module)) {
      return { name: arm.name, sizing: { ...sizing, module: resolve(dirname(resolve(text)), sizing.module) } };
    }
    return { name: arm.name, sizing: arm.sizing };
  });
}

/**
 * The arms validated against the scenario, each followed by its goal-off twin when `twins` and it
 * has one, and then the buy-and-hold benchmark when `benchmark`.
 */
export function resolveArms(resolved: ResolvedScenario, inputs: readonly ArmInput[], options: { readonly twins: boolean; readonly benchmark?: boolean; readonly source: string }): Arm[] {
  const { scenario } = resolved;
  const arms: Arm[] = [];
  const names = new Set<string>();
  const add = (name: string, where: string, arm: Omit<Arm, 'name'>): void => {
    if (names.has(name)) throw new UsageError(`${options.source}: ${where}: the arm name "${name}" is used twice; give each arm its own name`);
    names.add(name);
    arms.push({ name, ...arm });
  };
  inputs.forEach((input, i) => {
    const where = options.source === '--engines' ? input.name : `[${i}]`;
    if (input.name.trim() === '' || input.name.length > MAX_NAME || input.name.includes(',') || hasControlCharacter(input.name)) {
      throw new UsageError(`${options.source}: ${where}.name: an arm name has 1 to ${MAX_NAME} characters, no commas or control characters`);
    }
    const armScenario = armScenarioOf(resolved, input.sizing, `${options.source}: ${where}`);
    const builtIn = isBuiltInEngine(armScenario.scenario.sizing.engine);
    const defaults = options.source === '--engines' && scenario.sizing.engine !== input.name;
    add(input.name, where, { resolved: armScenario, twinOf: null, defaults });
    if (!options.twins || !builtIn) return;
    const twin = goalOffTwin(armScenario.scenario.sizing as SizingConfig);
    if (twin !== undefined) add(twinName(input.name), where, { resolved: armScenarioOf(resolved, twin, `${options.source}: ${where}`), twinOf: input.name, defaults });
  });
  if (options.benchmark === true) {
    if (names.has(BENCHMARK_NAME)) throw new UsageError(`${options.source}: the arm name "${BENCHMARK_NAME}" is the benchmark's; give your arm another name, or leave the benchmark out with --no-benchmark`);
    arms.push({ name: BENCHMARK_NAME, resolved: buyAndHoldScenario(resolved), twinOf: null, defaults: false, benchmark: true });
  }
  return arms;
}

/** The scenario with this sizing, validated again: a rule may tie sizing to the strategy. */
function armScenarioOf(resolved: ResolvedScenario, sizing: unknown, where: string): ResolvedScenario {
  try {
    return resolveScenario(validateScenario({ ...resolved.scenario, sizing }, resolved.file), resolved.file);
  } catch (error) {
    if (error instanceof ScenarioError) throw new UsageError(`${where}: cannot size this scenario: ${error.jsonPath} ${error.message.replace(/^.*?: /, '')}`);
    throw error;
  }
}

/** What odds.json records of an arm (the benchmark with its strategy: it is not the scenario's). */
export function armRecord(arm: Arm): { readonly engine: string; readonly sizing: ScenarioSizing; readonly twinOf?: string; readonly defaults?: true; readonly benchmark?: StrategyConfig } {
  return {
    engine: arm.name,
    sizing: arm.resolved.scenario.sizing,
    ...(arm.twinOf === null ? {} : { twinOf: arm.twinOf }),
    ...(arm.defaults ? { defaults: true as const } : {}),
    ...(arm.benchmark === true ? { benchmark: arm.resolved.scenario.strategy } : {}),
  };
}
