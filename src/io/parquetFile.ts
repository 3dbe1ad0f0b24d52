/**
 * A CSV table goalsim wrote, copied into a Parquet file with typed columns (docs: README
 * "Parquet and DuckDB"). The copy is made from the CSV itself, so the two cannot disagree: each
 * cell is converted by its column's declared type, batch by batch (a row group of 100,000 rows
 * at a time, so a 20M-row equity curve never sits in memory whole), through hyparquet-writer
 * into a temporary file renamed into place once complete.
 *
 * Types: `double` and `int` (INT64) numbers, `timestamp` (TIMESTAMP in milliseconds, UTC),
 * `date` (DATE), `bool`, `string`; `decimal` is an exact decimal in the CSV (money, quantities), written twice: as a
 * DOUBLE under its name, what queries sum and average, and as its exact text in
 * `<name>_exact`. An empty cell is NULL. A column whose type is not declared (a sweep's
 * parameter) is a DOUBLE when every cell of it is a decimal number, else a string.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet-writer';
import { parseTimestamp } from '../data/timestamp.js';
import { DECIMAL_NUMBER } from '../numeric/decimalText.js';
import { AtomicFile } from './fileWriter.js';

export type ColumnType = 'string' | 'double' | 'int' | 'timestamp' | 'date' | 'decimal' | 'bool';

/** The declared type of a column by its header name; undefined for one to infer. */
export type ColumnTypes = (name: string) => ColumnType | undefined;

const ROW_GROUP = 100_000;

/** The suffix of a decimal column's exact copy. */
export const EXACT_SUFFIX = '_exact';

type Cell = string | number | bigint | boolean | Date | null;

function schemaElements(name: string, type: ColumnType): SchemaElement[] {
  const optional = { repetition_type: 'OPTIONAL' as const };
  switch (type) {
    case 'double':
      return [{ name, type: 'DOUBLE', ...optional }];
    case 'int':
      return [{ name, type: 'INT64', ...optional }];
    case 'timestamp':
      return [{ name, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', ...optional }];
    case 'date':
      return [{ name, type: 'INT32', converted_type: 'DATE', ...optional }];
    case 'bool':
      return [{ name, type: 'BOOLEAN', ...optional }];
    case 'decimal':
      return [{ name, type: 'DOUBLE', ...optional }, { name: `${name}${EXACT_SUFFIX}`, type: 'BYTE_ARRAY', converted_type: 'UTF8', ...optional }];
    case 'string':
      return [{ name, type: 'BYTE_ARRAY', converted_type: 'UTF8', ...optional }];
  }
}

/** One cell as its column's type holds it; an error names the file, line and column of a cell that does not fit. */
function converted(text: string, type: ColumnType, where: () => string): Cell {
  if (text === '') return null;
  switch (type) {
    case 'string':
      return text;
    case 'double':
    case 'decimal': {
      const value = Number(text);
      if (Number.isNaN(value)) throw new Error(`${where()}: "${text}" is not a number`);
      return value;
    }
    case 'int':
      if (!/^-?\d+$/.test(text)) throw new Error(`${where()}: "${text}" is not an integer`);
      return BigInt(text);
    case 'timestamp':
    case 'date': {
      const time = parseTimestamp(text);
      if (!Number.isFinite(time)) throw new Error(`${where()}: "${text}" is not a timestamp`);
      return new Date(time);
    }
    case 'bool':
      if (text !== 'true' && text !== 'false') throw new Error(`${where()}: "${text}" is not true or false`);
      return text === 'true';
  }
}

async function* csvRecords(path: string): AsyncGenerator<string[]> {
  const source = createReadStream(path);
  try {
    for await (const record of source.pipe(parse({ relax_column_count: false }))) yield record as string[];
  } finally {
    // a reader that stops early (the header alone) closes the file too
    source.destroy();
  }
}

/** The types of the columns not declared: DOUBLE where every cell is a decimal number (or empty), else string. */
async function inferredTypes(csvPath: string, header: readonly string[], declared: ColumnTypes): Promise<ColumnType[]> {
  const undeclared = header.map((name) => declared(name) === undefined);
  const numeric = header.map(() => true);
  if (undeclared.some(Boolean)) {
    let first = true;
    for await (const cells of csvRecords(csvPath)) {
      if (first) {
        first = false;
        continue;
      }
      cells.forEach((cell, i) => {
        if (undeclared[i] === true && cell !== '' && !DECIMAL_NUMBER.test(cell)) numeric[i] = false;
      });
    }
  }
  return header.map((name, i) => declared(name) ?? (numeric[i] === true ? 'double' : 'string'));
}

/** Bytes kept in memory before they go to the file. */
const CHUNK_BYTES = 1 << 20;

/**
 * hyparquet-writer's ByteWriter with its bytes sent to an AtomicFile a megabyte at a time (as
 * the library's own file writer does it), so the file is written in pieces under its temporary
 * name and renamed into place only when complete.
 */
class AtomicByteWriter extends ByteWriter {
  constructor(private readonly file: AtomicFile) {
    super(CHUNK_BYTES);
  }

  override ensure(size: number): void {
    if (this.index > CHUNK_BYTES) this.flush();
    super.ensure(size);
  }

  override finish(): void {
    this.flush();
  }

  flush(): void {
    this.file.writeBinary(new Uint8Array(this.buffer, 0, this.index));
    this.index = 0;
  }
}

/** Copies the CSV table at `csvPath` into `parquetPath`, each column typed by `types` (or inferred). */
export async function writeParquetFromCsv(csvPath: string, parquetPath: string, types: ColumnTypes): Promise<void> {
  let header: string[] | undefined;
  for await (const cells of csvRecords(csvPath)) {
    header = cells;
    break;
  }
  if (header === undefined) throw new Error(`${csvPath}: no header row to copy`);
  const columnTypes = await inferredTypes(csvPath, header, types);
  const leaves = header.flatMap((name, i) => schemaElements(name, columnTypes[i] as ColumnType));
  const schema: SchemaElement[] = [{ name: 'root', num_children: leaves.length }, ...leaves];
  const file = new AtomicFile(parquetPath);
  try {
    const writer = new ParquetWriter({ writer: new AtomicByteWriter(file), schema, createdBy: 'goalsim' });
    const columns = leaves.map(() => [] as Cell[]);
    // one row group per batch; an empty table is still written, as a file with its schema
    const writeBatch = async (): Promise<void> => {
      await writer.write({ columnData: leaves.map((leaf, i) => ({ name: leaf.name, data: columns[i] as Cell[] })), rowGroupSize: ROW_GROUP });
      for (const column of columns) column.length = 0;
    };
    let line = 0;
    let pending = true;
    for await (const cells of csvRecords(csvPath)) {
      if (++line === 1) continue;
      let out = 0;
      cells.forEach((text, i) => {
        const type = columnTypes[i] as ColumnType;
        (columns[out++] as Cell[]).push(converted(text, type, () => `${csvPath}:${line}: column "${header[i] ?? ''}"`));
        if (type === 'decimal') (columns[out++] as Cell[]).push(text === '' ? null : text);
      });
      pending = true;
      if ((columns[0] as Cell[]).length === ROW_GROUP) {
        await writeBatch();
        pending = false;
      }
    }
    if (pending) await writeBatch();
    await writer.finish();
    file.commit();
  } catch (error) {
    file.abort();
    throw error;
  }
}
