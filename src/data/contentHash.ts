/**
 * SHA-256 of a file's content, remembered per (path, size, mtime, inode) so that an unchanged
 * file is not read and hashed again. As in git's index, a memo is trusted only when the file
 * was last modified well before the memo was written: a file rewritten within the same
 * timestamp tick ("racily clean") is always hashed again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';

const RACY_MARGIN_MS = 2000;

interface Memo {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  readonly sha256: string;
}

function memoPath(cacheDir: string, path: string): string {
  return join(cacheDir, 'hashes', `${createHash('sha256').update(resolve(path)).digest('hex')}.json`);
}

export function contentHash(path: string, cacheDir: string): string {
  const stat = statSync(path);
  const memoFile = memoPath(cacheDir, path);
  try {
    const memo = JSON.parse(readFileSync(memoFile, 'utf8')) as Memo;
    const memoWritten = statSync(memoFile).mtimeMs;
    if (memo.size === stat.size && memo.mtimeMs === stat.mtimeMs && memo.ino === stat.ino && stat.mtimeMs < memoWritten - RACY_MARGIN_MS) return memo.sha256;
  } catch {
    // no memo yet, or an unreadable one: hash the content
  }
  const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
  try {
    mkdirSync(join(cacheDir, 'hashes'), { recursive: true });
    const temporary = `${memoFile}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, sha256 } satisfies Memo));
    renameSync(temporary, memoFile);
  } catch {
    // a read-only cache folder only costs speed
  }
  return sha256;
}
