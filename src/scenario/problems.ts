/**
 * A schema's problems as one line a user can act on: every problem, unknown keys first (a typo
 * hides behind the "required" error it causes), each with its JSON path, and for an unknown
 * key the nearest known option name.
 */
import { z } from 'zod';
import { formatJsonPath, ScenarioError } from '../errors.js';
import type { ParamsAt } from './owners.js';

const knownKeysOf = new WeakMap<z.ZodType, readonly string[]>();

/** Every option name a schema knows, at any depth (from its JSON Schema). */
function knownKeys(schema: z.ZodType): readonly string[] {
  let keys = knownKeysOf.get(schema);
  if (keys === undefined) {
    const found = new Set<string>();
    const walk = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      const properties = (node as { properties?: Record<string, unknown> }).properties;
      if (properties !== undefined) for (const key of Object.keys(properties)) found.add(key);
      for (const value of Object.values(node)) walk(value);
    };
    walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));
    keys = [...found].sort();
    knownKeysOf.set(schema, keys);
  }
  return keys;
}

/**
 * Edits from `a` to `b`, case aside: insertions, deletions, substitutions and swaps of two
 * adjacent letters (the optimal string alignment distance), so that "clsoe" is one edit from
 * "close", as a typist's slip is.
 */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let before = Array.from({ length: y.length + 1 }, () => 0);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const same = x[i - 1] === y[j - 1];
      let best = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + (same ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, (before[j - 2] as number) + 1);
      row.push(best);
    }
    [before, previous] = [previous, row];
  }
  return previous[y.length] as number;
}

/** The known key nearest to `key`, when it is close enough to be a typo of it. */
export function didYouMean(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  // a key known elsewhere in the file is not a typo: no correction to offer
  if (known.includes(key)) return undefined;
  for (const candidate of known) {
    const distance = editDistance(key, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(1, Math.floor(key.length / 4)) ? best : undefined;
}

/** Unknown keys named one by one, with a correction each; beyond, a count (a file of 100,000 stray keys is one short line). */
const MAX_LISTED_KEYS = 10;
/** A key longer than this is shown cut. */
const MAX_KEY_SHOWN = 60;

/** What a file's reader knows beyond the schema: the parameters of the engine or strategy at a path. */
export interface ProblemContext {
  readonly paramsAt?: (path: readonly PropertyKey[]) => ParamsAt | undefined;
  /** A hint for the problem at a JSON path: where the option is documented. */
  readonly hintAt?: (jsonPath: string) => string;
}

/** "a", "a and b", "a, b and c". */
const wordList = (words: readonly string[], joiner = 'and'): string => (words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} ${joiner} ${words.at(-1) as string}`);

/** An unknown key at a path where one engine's (or strategy's) parameters belong: what it is, and what this one takes. */
function wrongOwner(key: string, at: ParamsAt): string {
  const others = at.takenBy(key);
  const takes = at.own.length === 0 ? `${at.owner} takes no parameters` : `${at.owner} takes ${at.own.join(', ')}`;
  const near = didYouMean(key, at.own);
  if (others.length > 0) return ` (a parameter of ${wordList(others)}, not of ${at.owner}; ${takes})`;
  return near === undefined ? ` (${takes})` : ` (did you mean "${near}"?)`;
}

/**
 * A name that is not one of a fixed list (an enum, or an engine's or strategy's name): the
 * value given, the list, and the nearest name when it is a typo of one.
 */
function choiceProblem(issue: z.core.$ZodIssue, input: unknown): string | undefined {
  let given: unknown;
  let choices: readonly unknown[];
  if (issue.code === 'invalid_value') [given, choices] = [input, issue.values];
  else if (issue.code === 'invalid_union' && 'discriminator' in issue) {
    // zod names the discriminator's allowed values in `options`, which its issue type leaves out
    const options = (issue as { options?: unknown }).options;
    if (!Array.isArray(options)) return undefined;
    [given, choices] = [(input as Record<string, unknown> | null)?.[String(issue.discriminator)], options];
  } else return undefined;
  if (typeof given !== 'string' || choices.some((c) => typeof c !== 'string')) return undefined;
  const names = choices as readonly string[];
  const near = given.length > MAX_KEY_SHOWN ? undefined : didYouMean(given, names);
  const shown = given.length > MAX_KEY_SHOWN ? `${given.slice(0, MAX_KEY_SHOWN)}...` : given;
  return `"${shown}" is not one of ${names.join(', ')}${near === undefined ? '' : ` (did you mean "${near}"?)`}`;
}

/**
 * The issues of the one branch of a union (a number, or an object with a path) that accepted the
 * value's type: what is wrong with it there, rather than zod's "Invalid input" for the whole.
 */
function unionBranch(branches: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] | undefined {
  const typed = branches.filter((issues) => !issues.some((sub) => sub.code === 'invalid_type' && sub.path.length === 0));
  return typed.length === 1 ? typed[0] : undefined;
}

function describe(issue: z.core.$ZodIssue, known: readonly string[], context: ProblemContext): { path: string; text: string }[] {
  if (issue.code === 'unrecognized_keys') {
    const path = formatJsonPath(issue.path);
    const at = context.paramsAt?.(issue.path);
    const listed = issue.keys.slice(0, MAX_LISTED_KEYS).map((key) => {
      const near = key.length > MAX_KEY_SHOWN ? undefined : didYouMean(key, known);
      const hint =
        at !== undefined && key.length <= MAX_KEY_SHOWN
          ? wrongOwner(key, at)
          : known.includes(key)
            ? ' (an option elsewhere in the file, not here)'
            : near === undefined
              ? ''
              : ` (did you mean "${near}"?)`;
      const shown = key.length > MAX_KEY_SHOWN ? `${key.slice(0, MAX_KEY_SHOWN)}... (${key.length} characters)` : key;
      return { path, text: `unknown key "${shown}"${hint}` };
    });
    const more = issue.keys.length - listed.length;
    return more > 0 ? [...listed, { path, text: `and ${more} more unknown keys` }] : listed;
  }
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'invalid_union' && !('discriminator' in issue)) {
    const branch = unionBranch(issue.errors);
    if (branch !== undefined) return unknownKeysFirst(branch).flatMap((sub) => describe({ ...sub, path: [...issue.path, ...sub.path] }, known, context));
    const expected = issue.errors.flatMap((errors) => errors.flatMap((sub) => (sub.code === 'invalid_type' ? [sub.expected] : [])));
    if (expected.length === issue.errors.length) return [{ path: formatJsonPath(issue.path), text: input === undefined ? 'is required' : `is ${typeof input}, not ${wordList([...new Set(expected)].map((type) => (type === 'object' ? 'an object' : `a ${type}`)), 'or')}` }];
  }
  const choice = choiceProblem(issue, input);
  if (choice !== undefined) return [{ path: formatJsonPath(issue.path), text: choice }];
  const missing = input === undefined && issue.code !== 'custom';
  return [{ path: formatJsonPath(issue.path), text: missing ? 'is required' : issue.message }];
}

/** Issues with the unknown keys first: a misspelt key explains the "is required" that follows from it. */
const unknownKeysFirst = (issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] => [...issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));

/** Every problem of a failed parse, unknown keys first, as a ScenarioError on `file`. */
export function schemaError(file: string, error: z.ZodError, schema: z.ZodType, context: ProblemContext = {}): ScenarioError {
  const problems = unknownKeysFirst(error.issues).flatMap((issue) => describe(issue, knownKeys(schema), context));
  const [first, ...rest] = problems;
  if (first === undefined) return new ScenarioError('invalid', file, '', context.hintAt?.(''));
  const more = rest.map((p) => `; ${p.path === '' ? '' : `${p.path}: `}${p.text}`).join('');
  return new ScenarioError(`${first.text}${more}`, file, first.path, context.hintAt?.(first.path));
}
