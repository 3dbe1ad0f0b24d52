/**
 * What a JSON file must be besides valid: not nested past a sane depth (a million unclosed
 * brackets overflow any recursive parser's stack), and without a key given twice in one object
 * (JSON.parse silently keeps the last, so a scenario would run with a value its author did not
 * see). Each problem is located by line and column.
 */
import { visit } from 'jsonc-parser';

/** Deeper than any scenario or sweep needs; far below what overflows a parser's stack. */
export const MAX_JSON_DEPTH = 64;

/** Line and column (1-based) of an offset in `text`. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Where `text` nests objects and arrays deeper than MAX_JSON_DEPTH, or undefined. Strings are skipped. */
export function tooDeep(text: string): string | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return `${lineColumn(text, i)}: nested more than ${MAX_JSON_DEPTH} deep`;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

/** The first key given twice in one object, with both places, or undefined. `text` must be valid JSON within MAX_JSON_DEPTH. */
export function duplicateKey(text: string): string | undefined {
  const objects: Map<string, number>[] = [];
  let found: string | undefined;
  visit(text, {
    onObjectBegin: () => {
      objects.push(new Map());
    },
    onObjectEnd: () => {
      objects.pop();
    },
    onObjectProperty: (property, offset) => {
      const keys = objects[objects.length - 1];
      if (keys === undefined || found !== undefined) return;
      const first = keys.get(property);
      if (first !== undefined) found = `"${property}" is given twice in one object (${lineColumn(text, first)} and ${lineColumn(text, offset)}); JSON keeps only the last`;
      else keys.set(property, offset);
    },
  });
  return found;
}
