/**
 * Dotted parameter paths into a scenario's JSON, such as
 * `sizing.params.goalFactor.thresholds.ahead` or `data.0.path` (a number indexes an array).
 */

/** Segments that would reach an object's prototype instead of its data. */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

/** Why a path is unusable, or undefined when it is fine. */
export function pathProblem(path: string): string | undefined {
  const keys = path.split('.');
  if (keys.some((key) => key === '')) return `"${path.slice(0, 200)}" has an empty segment`;
  const forbidden = keys.find((key) => FORBIDDEN_SEGMENTS.has(key));
  return forbidden === undefined ? undefined : `"${path.slice(0, 200)}": a path may not go through "${forbidden}" (it would reach the prototype of every object)`;
}

function pathKeys(path: string): string[] {
  const problem = pathProblem(path);
  if (problem !== undefined) throw new Error(problem);
  return path.split('.');
}

/** The value at `path`, following own properties only. */
export function getPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of pathKeys(path)) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Sets `path` in a JSON object, creating objects on the way; fails on a path through a scalar. */
export function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = pathKeys(path);
  let current: Record<string, unknown> | unknown[] = root;
  keys.forEach((key, depth) => {
    const last = depth === keys.length - 1;
    const container = current as Record<string, unknown>;
    if (Array.isArray(current) && !/^\d+$/.test(key)) throw new Error(`"${keys.slice(0, depth + 1).join('.')}": ${keys.slice(0, depth).join('.')} is a list, index it with a number`);
    // an index past the end would leave holes that fail as "is required" one by one
    if (Array.isArray(current) && Number(key) > current.length) {
      const list = keys.slice(0, depth).join('.');
      throw new Error(`"${path}": ${list} has ${current.length} ${current.length === 1 ? 'entry' : 'entries'} (${list}.0 to ${list}.${current.length - 1}), so ${list}.${key} does not exist; set an existing index, or ${list}.${current.length} to add one`);
    }
    if (last) {
      container[key] = value;
      return;
    }
    const next = Object.hasOwn(container, key) ? container[key] : undefined;
    if (next === undefined) container[key] = /^\d+$/.test(keys[depth + 1] ?? '') ? [] : {};
    else if (next === null || typeof next !== 'object') throw new Error(`"${path}": ${keys.slice(0, depth + 1).join('.')} is ${JSON.stringify(next)}, not an object`);
    current = container[key] as Record<string, unknown>;
  });
}
