/**
 * Named errors for expected failures at the edges. The CLI maps them to exit codes;
 * the core never catches them to hide a problem.
 */

/** Bad input data: a CSV row, a missing column, an empty file. */
/** A character below space, or DEL: what would move a terminal's cursor or colour its text. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 || code === 127) return true;
  }
  return false;
}

/** Text from a file as a message shows it: as it is when short and plain, else escaped and cut at 200 characters. */
export function shown(text: string): string {
  if (text.length <= 200 && !hasControlCharacter(text)) return text;
  const escaped = JSON.stringify(text).slice(1, -1);
  return escaped.length > 200 ? `${escaped.slice(0, 200)}... (${text.length} characters)` : escaped;
}

export class DataError extends Error {
  override readonly name = 'DataError';
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: string,
    readonly value?: string,
  ) {
    super(message);
  }

  /**
   * `file:line: message`, the one line a user sees. The offending value appears in it as it is
   * when short and plain; a longer one, or one with control characters, is shown escaped and
   * cut at 200 characters, wherever the problem text quotes it.
   */
  static at(file: string, line: number, column: string, value: string, problem: string): DataError {
    const display = shown(value);
    const text = display === value ? problem : problem.split(value).join(display);
    return new DataError(`${file}:${line}: column "${column}" ${text}`, file, line, column, display);
  }
}

/** A scenario or sweep file that does not validate; names the file and the JSON path. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(
    message: string,
    readonly file: string,
    readonly jsonPath: string,
    /** Where to read about what failed (a docs section), when the reader knows. */
    readonly hint?: string,
  ) {
    super(`${file}: ${jsonPath === '' ? '' : `${jsonPath}: `}${message}`);
  }
}

/** Wrong command-line usage or a request the CLI cannot serve. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** True for the errors that mean "your input is wrong" (exit code 2). */
export function isInputError(error: unknown): error is DataError | ScenarioError | UsageError {
  return error instanceof DataError || error instanceof ScenarioError || error instanceof UsageError;
}

/** `data[0].path` style text of a JSON path. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? String(key) : `${text}.${String(key)}`), '');
}
