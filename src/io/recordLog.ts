/**
 * The append-only record logs of long runs (a sweep's variants.jsonl, the odds' paths.jsonl):
 * one JSON record per line, appended whole as each task finishes, so a crash loses at most the
 * record being written and --resume and merge read the rest back. A runner that resumes rewrites
 * the log from the records it kept before it appends (see writeSweepFiles, writeOddsFiles), so a
 * torn last line is gone rather than glued to the next record.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { withPath, writeAll, type WriteBytes } from './fileWriter.js';

/** Appends one record as a line; a failed write (a full disk) names the log. */
export function appendRecord(path: string, record: unknown, writeBytes?: WriteBytes): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'a');
    const line = Buffer.from(`${JSON.stringify(record)}\n`);
    writeAll(fd, line, 0, line.length, writeBytes);
  } catch (error) {
    throw withPath(error, path);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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
 * The records of a log. Only the last line can be torn (a full disk, a killed pod): a last line
 * that does not end the file with a newline is dropped and `onDropped` told, so its task (a
 * `unit`) runs again. A corrupt line before it is an error naming file and line, and the way to
 * keep the rest.
 */
export function readRecords<T>(path: string, unit: string, onDropped: (message: string) => void = () => {}): T[] {
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, 'utf8').split('\n');
  // after the last newline: empty, or a torn record
  const tail = lines.pop() ?? '';
  if (tail !== '') onDropped(`${path}:${lines.length + 1}: dropped an incomplete last record (${tail.length} bytes); its ${unit} runs again`);
  const records: T[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      records.push(JSON.parse(line) as T);
    } catch (error) {
      throw new UsageError(`${path}:${i + 1}: a corrupt record (${error instanceof Error ? error.message : String(error)}); delete that line and --resume again: the other records are kept and its ${unit} runs again`);
    }
  });
  return records;
}
