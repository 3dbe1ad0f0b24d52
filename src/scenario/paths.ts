/**
 * Dotted parameter paths into a scenario's JSON, such as
 * `sizing.params.goalFactor.thresholds.ahead` or `data.0.path` (a number indexes an array).
 */

export function getPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Sets `path` in a JSON object, creating objects on the way; fails on a path through a scalar. */
export function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let current: Record<string, unknown> | unknown[] = root;
  keys.forEach((key, depth) => {
    const last = depth === keys.length - 1;
    const container = current as Record<string, unknown>;
    if (Array.isArray(current) && !/^\d+$/.test(key)) throw new Error(`"${keys.slice(0, depth + 1).join('.')}": ${keys.slice(0, depth).join('.')} is a list, index it with a number`);
    if (last) {
      container[key] = value;
      return;
    }
    const next = container[key];
    if (next === undefined) container[key] = /^\d+$/.test(keys[depth + 1] ?? '') ? [] : {};
    else if (next === null || typeof next !== 'object') throw new Error(`"${path}": ${keys.slice(0, depth + 1).join('.')} is ${JSON.stringify(next)}, not an object`);
    current = container[key] as Record<string, unknown>;
  });
}
