/** Output files appear whole or not at all, and large files are written in pieces. */
import { existsSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCsvFile, writeFileAtomically, type WriteBytes } from '../../src/io/fileWriter.js';
import { appendRecord } from '../../src/io/recordLog.js';
import { goalsim, tempDir } from '../helpers.js';

describe('writeFileAtomically', () => {
  it('leaves neither the file nor a partial one when writing fails midway', () => {
    const dir = tempDir();
    const path = join(dir, 'equity.csv');
    expect(() =>
      writeFileAtomically(path, (write) => {
        for (let i = 0; i < 100_000; i++) write(`row ${i},${'x'.repeat(40)}\n`); // several 1 MB flushes first
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(readdirSync(dir), 'no file that looks complete, no leftovers').toEqual([]);
  });

  it('replaces an existing file only once the new one is complete', () => {
    const dir = tempDir();
    const path = join(dir, 'summary.json');
    writeFileSync(path, 'old');
    expect(() => writeFileAtomically(path, () => {
      throw new Error('killed');
    })).toThrow();
    expect(readFileSync(path, 'utf8'), 'the previous complete file survives a failed rewrite').toBe('old');
    writeFileAtomically(path, (write) => write('new'));
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  it('writes every row of a table larger than its buffer, multi-byte text included, in order', () => {
    const path = join(tempDir(), 'big.csv');
    const rows = Array.from({ length: 50_000 }, (_, i) => [String(i), 'Überschuss €', 'a "quoted" cell']);
    writeCsvFile(path, { file: 'big.csv', header: ['i', 'text', 'note'], rows });
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines[0]).toBe('i,text,note');
    expect(lines[1]).toBe('0,Überschuss €,"a ""quoted"" cell"');
    expect(lines[50_000]).toBe('49999,Überschuss €,"a ""quoted"" cell"');
    expect(lines).toHaveLength(50_002); // header, rows, and the empty string after the last \n
    expect(existsSync(`${path}.partial-${process.pid}`)).toBe(false);
  });
});

/** A disk that takes at most `step` bytes per write and, past `room` bytes, fails as a full one does. */
function fillingDisk(step: number, room = Infinity): WriteBytes {
  let used = 0;
  return (fd, buffer, offset, length) => {
    const take = Math.min(step, length, room - used);
    if (take <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
    used += take;
    return writeSync(fd, buffer, offset, take);
  };
}

describe('short writes (a disk filling up)', () => {
  const text = Array.from({ length: 40_000 }, (_, i) => `row ${i},Überschuss €\n`).join('');

  it('are written in full when every write takes only part of what it was given', () => {
    const path = join(tempDir(), 'report.html');
    writeFileAtomically(path, (write) => {
      write(text.slice(0, 1000));
      write(text); // more than the buffer: written directly
      for (let i = 0; i < 20_000; i++) write('tail line\n');
    }, fillingDisk(4096 + 7));
    expect(readFileSync(path, 'utf8')).toBe(text.slice(0, 1000) + text + 'tail line\n'.repeat(20_000));
  });

  it('leave no file under its final name when the disk fills, and the error names the file', () => {
    const dir = tempDir();
    const path = join(dir, 'paths.jsonl');
    writeFileSync(path, 'the complete old copy\n');
    let thrown: unknown;
    try {
      writeFileAtomically(path, (write) => write(text), fillingDisk(65_536, 300_000));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'ENOSPC', path });
    expect(readFileSync(path, 'utf8'), 'the old copy stays until a new one is complete').toBe('the complete old copy\n');
    expect(readdirSync(dir)).toEqual(['paths.jsonl']);
  });

  it('of an appended record are completed, and a failed append names the log', () => {
    const log = join(tempDir(), 'variants.jsonl');
    const record = { id: 7, text: 'x'.repeat(10_000) };
    appendRecord(log, record, fillingDisk(100));
    appendRecord(log, { id: 8 });
    expect(readFileSync(log, 'utf8')).toBe(`${JSON.stringify(record)}\n{"id":8}\n`);
    expect(() => appendRecord(log, record, fillingDisk(100, 50))).toThrow(expect.objectContaining({ code: 'ENOSPC', path: log }));
  });
});

describe('a failed output file', () => {
  it('is one line naming the file and the cause, exit 1, and nothing half-written is left', async () => {
    const { reportError } = await import('../../src/cli/exit.js');
    const dir = tempDir();
    const path = join(dir, 'equity.csv');
    let caught: unknown;
    try {
      writeFileAtomically(path, (write) => {
        write('timestamp,equity\n');
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' }); // as writeSync on a full disk
      });
    } catch (error) {
      caught = error;
    }
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((text: string) => written.push(text) > 0) as typeof process.stderr.write;
    const code = reportError(caught);
    process.stderr.write = write;
    expect(code).toBe(1);
    expect(written.join('')).toBe(`goalsim: error: cannot write ${path}: ENOSPC (no space left on the device)\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the folder it could not create', () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    const run = goalsim(['run', 'scenarios/demo.json', '--out', join(file, 'out')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`goalsim: error: cannot create the folder ${join(file, 'out')}: ENOTDIR (a part of the path is a file, not a folder)\n`);
  });
});
