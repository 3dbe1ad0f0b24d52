/**
 * Named errors for expected failures at the edges. The CLI maps them to exit codes;
 * the core never catches them to hide a problem.
 */

/** Bad input data: a CSV row, a missing column, an empty file. */
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

  /** `file:line: message`, the one line a user sees. */
  static at(file: string, line: number, column: string, value: string, problem: string): DataError {
    return new DataError(`${file}:${line}: column "${column}" ${problem}`, file, line, column, value);
  }
}

/** A scenario or sweep file that does not validate; names the file and the JSON path. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(
    message: string,
    readonly file: string,
    readonly jsonPath: string,
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
