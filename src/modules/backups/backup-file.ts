import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';

/*
 * The backup file, the same for both engines: gzip'd lines of text.
 *   line 1          the header, JSON: {"format":"luyue-backup","version":1,"engine",…,"migrations":[…]}
 *   @table NAME     a table's rows follow, one JSON object a line (row_to_json: exact numerics, ISO times)
 *   @end {…}        the last line: every table's row count and SHA-256 of its row lines
 * A file without its @end line, or whose counts or hashes disagree, is refused before anything is touched.
 */
export const BACKUP_FORMAT = 'luyue-backup';
export const BACKUP_VERSION = 1;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  engine: string;
  createdAt: string;
  appVersion: string;
  /** The migrations applied to the database it was taken from, in order: its level is the last. */
  migrations: string[];
};
export type TableSums = Record<string, { rows: number; sha256: string }>;
export type BackupLine = { kind: 'table'; table: string } | { kind: 'row'; row: string };

/** A backup that cannot be restored as it is, with the reason in a stable code. */
export class BackupRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Sums the row lines of each table while they are written or read. */
export class TableSummer {
  readonly sums: TableSums = {};
  #current: { name: string; hash: ReturnType<typeof createHash>; rows: number } | undefined;
  start(name: string) {
    this.#close();
    this.#current = { name, hash: createHash('sha256'), rows: 0 };
  }
  row(line: string) {
    this.#current!.hash.update(`${line}\n`);
    this.#current!.rows++;
  }
  finish(): TableSums {
    this.#close();
    return this.sums;
  }
  #close() {
    if (this.#current)
      this.sums[this.#current.name] = { rows: this.#current.rows, sha256: this.#current.hash.digest('hex') };
    this.#current = undefined;
  }
}

/** Writes the lines gzip'd to `file.partial`, flushes it to disk, then renames it: a file that exists is whole. */
export async function writeBackupFile(file: string, lines: AsyncIterable<string>): Promise<number> {
  const partial = `${file}.partial`;
  try {
    await pipeline(Readable.from(withNewlines(lines)), createGzip(), fs.createWriteStream(partial));
    const fd = fs.openSync(partial, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, file);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  return fs.statSync(file).size;
}

async function* withNewlines(lines: AsyncIterable<string>) {
  for await (const l of lines) yield `${l}\n`;
}

/** The file's text lines, as they are un-gzip'd (a truncated or damaged file throws BACKUP.CORRUPT). */
export async function* readLines(file: string): AsyncGenerator<string> {
  const source = fs.createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      rest += decoder.write(chunk as Buffer);
      let nl: number;
      while ((nl = rest.indexOf('\n')) >= 0) {
        yield rest.slice(0, nl);
        rest = rest.slice(nl + 1);
      }
    }
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new BackupRefused('BACKUP.NOT_FOUND', `${file}: no such file`);
    throw new BackupRefused('BACKUP.CORRUPT', `${file} is damaged or cut short (${e.message})`);
  }
  rest += decoder.end();
  if (rest) yield rest;
}

/**
 * Reads the whole file once and checks it: the header, every row a JSON object, and the @end line's counts and
 * hashes equal to what was read. Returns the header and the tables in file order.
 */
export async function verifyBackupFile(file: string): Promise<{ header: BackupHeader; tables: TableSums }> {
  const corrupt = (why: string) => new BackupRefused('BACKUP.CORRUPT', `${file}: ${why}`);
  let header: BackupHeader | undefined;
  let end: TableSums | undefined;
  const summer = new TableSummer();
  let inTable = false;
  for await (const line of readLines(file)) {
    if (end) throw corrupt('lines after the end');
    if (!header) {
      header = parseHeader(line, file);
      continue;
    }
    if (line.startsWith('@table ')) {
      summer.start(line.slice(7));
      inTable = true;
    } else if (line.startsWith('@end ')) {
      end = parseJson(line.slice(5), () => corrupt('the end line is not JSON')) as TableSums;
    } else {
      if (!inTable || !line.startsWith('{')) throw corrupt('a row outside a table');
      parseJson(line, () => corrupt('a row is not JSON'));
      summer.row(line);
    }
  }
  if (!header) throw corrupt('empty');
  if (!end) throw corrupt('cut short: no end line');
  const read = summer.finish();
  const names = Object.keys(end);
  if (names.length !== Object.keys(read).length) throw corrupt('tables missing');
  for (const name of names) {
    if (read[name]?.rows !== end[name].rows || read[name]?.sha256 !== end[name].sha256)
      throw corrupt(`the rows of ${name} do not match their checksum`);
  }
  return { header, tables: read };
}

function parseHeader(line: string, file: string): BackupHeader {
  const h = parseJson(line, () => new BackupRefused('BACKUP.CORRUPT', `${file} is not a Luyue backup`)) as BackupHeader;
  if (h?.format !== BACKUP_FORMAT || !Array.isArray(h.migrations))
    throw new BackupRefused('BACKUP.CORRUPT', `${file} is not a Luyue backup`);
  if (h.version > BACKUP_VERSION)
    throw new BackupRefused('BACKUP.TOO_NEW', `${file} was written by a newer Luyue (backup format ${h.version})`);
  return h;
}

function parseJson(text: string, fail: () => Error): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw fail();
  }
}
