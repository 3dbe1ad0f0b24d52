/**
 * Output files written as streams: rows go through a small buffer to a temporary name beside
 * the target, renamed into place once complete, so a run's 60 MB equity curve is never one
 * string in memory and a failure (a full disk, a kill) never leaves a half-written file that
 * looks complete.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { csvLine } from '../numeric/format.js';

const BUFFER_BYTES = 1 << 20;

/** How bytes reach a descriptor: `fs.writeSync`, or a test's stand-in that writes less or fails. */
export type WriteBytes = (fd: number, buffer: Buffer, offset: number, length: number) => number;

const systemWrite: WriteBytes = (fd, buffer, offset, length) => writeSync(fd, buffer, offset, length);

/**
 * Writes all `length` bytes: a write may take fewer than it was given (a disk filling up takes
 * what fits, and only the next write fails with ENOSPC), so it is repeated until every byte is
 * written or a write fails.
 */
export function writeAll(fd: number, buffer: Buffer, offset: number, length: number, write: WriteBytes = systemWrite): void {
  let done = 0;
  while (done < length) {
    const written = write(fd, buffer, offset + done, length - done);
    if (!(written > 0)) throw Object.assign(new Error(`wrote ${done} of ${length} bytes and then nothing`), { code: 'EIO' });
    done += written;
  }
}

/** A table as its writer and its readers share it: file name, columns, rows. */
export interface CsvTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: Iterable<readonly string[]>;
}

/** Rows made one at a time as the writer asks for them. */
export function* rowsOf<T>(items: readonly T[], row: (item: T) => string[]): Generator<string[]> {
  for (const item of items) yield row(item);
}

/**
 * A file written in pieces to a temporary name beside `path` and renamed into place by `commit`
 * (`abort` removes it). Each piece is encoded at once into a reused 1 MB buffer, so no piece
 * outlives its row: strings kept across rows are promoted to the old generation, and a 20M-row
 * file then grew the heap by gigabytes before a major GC.
 */
export class AtomicFile {
  private readonly temporary: string;
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private open = true;

  constructor(
    readonly path: string,
    private readonly writeBytes: WriteBytes = systemWrite,
  ) {
    this.temporary = `${path}.partial-${process.pid}`;
    this.fd = openWithPath(this.temporary, path);
  }

  write(text: string): void {
    try {
      // a UTF-8 character takes at most 3 bytes per UTF-16 unit
      if (this.used + text.length * 3 > BUFFER_BYTES) this.flush();
      if (text.length * 3 > BUFFER_BYTES) {
        const bytes = Buffer.from(text);
        writeAll(this.fd, bytes, 0, bytes.length, this.writeBytes);
      } else this.used += this.buffer.write(text, this.used);
    } catch (error) {
      this.abort();
      throw withPath(error, this.path);
    }
  }

  /** Raw bytes, written at once after what is buffered (a binary file's pieces). */
  writeBinary(bytes: Uint8Array): void {
    try {
      this.flush();
      writeAll(this.fd, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0, bytes.byteLength, this.writeBytes);
    } catch (error) {
      this.abort();
      throw withPath(error, this.path);
    }
  }

  commit(): void {
    try {
      this.flush();
    } catch (error) {
      this.abort();
      throw withPath(error, this.path);
    }
    this.open = false;
    closeSync(this.fd);
    renameSync(this.temporary, this.path);
  }

  /** Drops what was written; the target is left as it was. Safe to call more than once. */
  abort(): void {
    if (!this.open) return;
    this.open = false;
    closeSync(this.fd);
    rmSync(this.temporary, { force: true });
  }

  private flush(): void {
    if (this.used > 0) writeAll(this.fd, this.buffer, 0, this.used, this.writeBytes);
    this.used = 0;
  }
}

/** Writes `path` through `produce`, which hands out text in pieces (see {@link AtomicFile}). */
export function writeFileAtomically(path: string, produce: (write: (text: string) => void) => void, writeBytes?: WriteBytes): void {
  const file = new AtomicFile(path, writeBytes);
  try {
    produce((text) => file.write(text));
  } catch (error) {
    file.abort();
    throw withPath(error, path);
  }
  file.commit();
}

/** A write that fails on its descriptor (ENOSPC) names no file: name the one being written. */
export function withPath(error: unknown, path: string): unknown {
  if (error instanceof Error && (error as { code?: unknown }).code !== undefined && (error as { path?: unknown }).path === undefined) Object.assign(error, { path });
  return error;
}

function openWithPath(temporary: string, path: string): number {
  try {
    return openSync(temporary, 'w');
  } catch (error) {
    throw withPath(error, path);
  }
}

/** A whole text file, written to a temporary name and renamed into place. */
export function writeTextFile(path: string, text: string): void {
  writeFileAtomically(path, (write) => write(text));
}

export function writeCsvFile(path: string, table: CsvTable): void {
  writeFileAtomically(path, (write) => {
    write(csvLine(table.header));
    for (const row of table.rows) write(csvLine(row));
  });
}
