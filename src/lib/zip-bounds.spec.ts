import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { unzipEntries } from '../../test/helpers/zip';
import { readXlsx } from './excel';
import { checkZip, reorderZip } from './zip-bounds';

/** A workbook as a streaming writer makes it: sheets before the workbook, sizes in data descriptors. */
async function streamedWorkbook(rows: string[][]) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/** Each local header's name and flags, in file order. */
function localHeaders(data: Buffer) {
  const out: { name: string; flags: number }[] = [];
  for (let at = 0; data.readUInt32LE(at) === 0x04034b50;) {
    const nameLength = data.readUInt16LE(at + 26);
    const name = data.toString('utf8', at + 30, at + 30 + nameLength);
    out.push({ name, flags: data.readUInt16LE(at + 6) });
    at += 30 + nameLength + data.readUInt16LE(at + 28) + data.readUInt32LE(at + 18);
  }
  return out;
}

describe('reorderZip', () => {
  it('puts the worksheets last, entries unchanged, sizes in the local headers instead of descriptors', async () => {
    const data = await streamedWorkbook([
      ['Code', 'Name'],
      ['A1', '甲'],
    ]);
    const verdict = checkZip(data, 1e8);
    if (!verdict.ok) throw new Error('the written workbook is a valid zip');
    const names = verdict.entries.map((e) => e.name);
    expect(names.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(names.indexOf('xl/workbook.xml'));
    // Its first entry's sizes are in a descriptor after the data, not in the local header.
    expect(localHeaders(data)[0].flags & 8).toBe(8);

    const reordered = reorderZip(data, verdict, (name) => (name.startsWith('xl/worksheets/') ? 1 : 0));
    // Walking the local headers by their own sizes reaches every entry: no descriptor sits between them.
    const after = localHeaders(reordered);
    expect(after.map((h) => h.name).sort()).toEqual([...names].sort());
    expect(after.at(-1)!.name).toBe('xl/worksheets/sheet1.xml');
    expect(after.some((h) => h.flags & 8)).toBe(false);
    expect(checkZip(reordered, 1e8)).toMatchObject({ ok: true, unpackedBytes: verdict.unpackedBytes });
    expect(unzipEntries(reordered)).toEqual(unzipEntries(data));
  });

  it('lets the import read a streamed workbook', async () => {
    const data = await streamedWorkbook([
      ['Code', 'Name'],
      ['A1', '甲'],
      ['A2', '乙'],
    ]);
    const columns = [
      { key: 'code', header: 'Code' },
      { key: 'name', header: 'Name' },
    ];
    expect((await readXlsx(data, columns)).rows).toEqual([
      { row: 2, values: { code: 'A1', name: '甲' } },
      { row: 3, values: { code: 'A2', name: '乙' } },
    ]);
  });

  it('refuses a zip whose directory points two entries at the same bytes', async () => {
    const data = await streamedWorkbook([['Code'], ['A1']]);
    const verdict = checkZip(data, 1e8);
    if (!verdict.ok) throw new Error('the written workbook is a valid zip');
    // The directory again with its first record twice: both entries name one local header and its data.
    const first = verdict.entries[0].record;
    const records = Buffer.concat([first, ...verdict.entries.map((e) => e.record)]);
    const end = Buffer.from(data.subarray(verdict.eocd, verdict.eocd + 22));
    end.writeUInt16LE(verdict.entries.length + 1, 8);
    end.writeUInt16LE(verdict.entries.length + 1, 10);
    end.writeUInt32LE(records.length, 12);
    const directoryAt = end.readUInt32LE(16);
    const twice = Buffer.concat([data.subarray(0, directoryAt), records, end]);
    expect(checkZip(twice, 1e8)).toEqual({ ok: false, reason: 'invalid' });
  });
});
