import { inflateRawSync } from 'node:zlib';

// An xlsx is a zip. Before any spreadsheet code sees it, its central directory says what every entry unpacks
// to; the sum is bounded, and each entry is inflated once with its declared size as a hard limit, so a file
// that lies about its sizes is refused too. Nothing here reads more than the limit.

/**
 * One entry as the central directory lists it: `record` is its central-directory record, as found; its data is
 * `compressed` bytes from `dataStart`, after its local header at `localOffset`.
 */
export type ZipEntry = { name: string; localOffset: number; dataStart: number; compressed: number; record: Buffer };
export type ZipVerdict =
  | { ok: true; unpackedBytes: number; entries: ZipEntry[]; eocd: number }
  | { ok: false; reason: 'invalid' | 'unpacked' };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 10_000;

function findEndOfCentralDirectory(data: Buffer): number {
  const stop = Math.max(0, data.length - 22 - 0xffff);
  for (let i = data.length - 22; i >= stop; i--) if (data.readUInt32LE(i) === EOCD) return i;
  return -1;
}

export function checkZip(data: Buffer, maxUnpackedBytes: number): ZipVerdict {
  if (data.length < 22) return { ok: false, reason: 'invalid' };
  const eocd = findEndOfCentralDirectory(data);
  if (eocd < 0) return { ok: false, reason: 'invalid' };
  const entries = data.readUInt16LE(eocd + 10);
  const cdOffset = data.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff || entries > MAX_ENTRIES) return { ok: false, reason: 'invalid' };
  let total = 0;
  let at = cdOffset;
  const list: ZipEntry[] = [];
  for (let n = 0; n < entries; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) return { ok: false, reason: 'invalid' };
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const unpacked = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const localOffset = data.readUInt32LE(at + 42);
    // Zip64 sizes (0xffffffff) are far beyond any limit this reads.
    if (unpacked === 0xffffffff || compressed === 0xffffffff) return { ok: false, reason: 'unpacked' };
    total += unpacked;
    if (total > maxUnpackedBytes) return { ok: false, reason: 'unpacked' };
    if (localOffset + 30 > data.length || data.readUInt32LE(localOffset) !== LOCAL)
      return { ok: false, reason: 'invalid' };
    const dataStart = localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
    const verdict = verifyEntry(data, dataStart, method, compressed, unpacked);
    if (verdict) return { ok: false, reason: verdict };
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > data.length) return { ok: false, reason: 'invalid' };
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    list.push({ name, localOffset, dataStart, compressed, record: data.subarray(at, end) });
    at = end;
  }
  // Entries side by side before the directory, none sharing bytes with another: a file whose directory points many
  // entries at one large one would be copied once per entry by reorderZip.
  const byOffset = [...list].sort((x, y) => x.localOffset - y.localOffset);
  for (let i = 0; i < byOffset.length; i++) {
    const next = i + 1 < byOffset.length ? byOffset[i + 1].localOffset : cdOffset;
    if (byOffset[i].dataStart + byOffset[i].compressed > next) return { ok: false, reason: 'invalid' };
  }
  return { ok: true, unpackedBytes: total, entries: list, eocd };
}

/** Inflates one entry's data (from `start`) with its declared size as the limit: more output is refused. */
function verifyEntry(
  data: Buffer,
  start: number,
  method: number,
  compressed: number,
  unpacked: number,
): 'invalid' | 'unpacked' | undefined {
  if (start + compressed > data.length) return 'invalid';
  if (method === 0) return compressed === unpacked ? undefined : 'invalid';
  if (method !== 8) return 'invalid';
  try {
    const out = inflateRawSync(data.subarray(start, start + compressed), { maxOutputLength: Math.max(1, unpacked) });
    return out.length === unpacked ? undefined : 'invalid';
  } catch (err) {
    return (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'unpacked' : 'invalid';
  }
}

/**
 * The same zip with its entries reordered by `rank` (lower first), offsets rewritten; the entries' bytes are
 * copied as they are. Only for a zip checkZip has passed, whose entries it is given.
 */
export function reorderZip(data: Buffer, verdict: Extract<ZipVerdict, { ok: true }>, rank: (name: string) => number) {
  const sorted = [...verdict.entries].sort((x, y) => rank(x.name) - rank(y.name));
  const locals: Buffer[] = [];
  const records: Buffer[] = [];
  let offset = 0;
  for (const e of sorted) {
    // The local header gets its sizes and CRC from the directory, so no data descriptor has to follow the data.
    const local = Buffer.from(data.subarray(e.localOffset, e.dataStart));
    local.writeUInt16LE(local.readUInt16LE(6) & ~8, 6);
    e.record.copy(local, 14, 16, 28);
    const record = Buffer.from(e.record);
    record.writeUInt16LE(record.readUInt16LE(8) & ~8, 8);
    record.writeUInt32LE(offset, 42);
    records.push(record);
    locals.push(local, data.subarray(e.dataStart, e.dataStart + e.compressed));
    offset += local.length + e.compressed;
  }
  const directory = Buffer.concat(records);
  const end = Buffer.from(data.subarray(verdict.eocd, verdict.eocd + 22));
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  // The archive's comment is left out.
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...locals, directory, end]);
}
