/**
 * The append-only record logs of long runs (a sweep's variants.jsonl, the odds' paths.jsonl):
 * one JSON record per line, appended whole as each task finishes, so a crash loses at most the
 * record being written and --resume and merge read the rest back.
 */
import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';

export function appendRecord(path: string, record: unknown): void {
  appendFileSync(path, `${JSON.stringify(record)}\n`);
}

/** Flushes the log to the disk, so that what finished is there before files are written from it. */
export function syncToDisk(path: string): void {
  if (!existsSync(path)) return;
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The records of a log. Only the last line can be torn (a full disk, a killed pod): an
 * incomplete last line is dropped and `onDropped` told, so its task (a `unit`) runs again. A corrupt line
 * before it is an error naming file and line.
 */
export function readRecords<T>(path: string, unit: string, onDropped: (message: string) => void = () => {}): T[] {
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, 'utf8').split('\n');
  const records: T[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      records.push(JSON.parse(line) as T);
    } catch (error) {
      const where = `${path}:${i + 1}`;
      if (i !== lines.length - 1) throw new UsageError(`${where}: a corrupt record (${error instanceof Error ? error.message : String(error)}); remove the line or run without --resume`);
      onDropped(`${where}: dropped an incomplete last record (${line.length} bytes); its ${unit} runs again`);
    }
  });
  return records;
}
