import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { exampleCases } from '../helpers/allocation-examples';

// The allocate command needs no database: it runs here with none configured.
const luyue = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/luyue.cjs', 'allocate', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
  });

describe('npx luyue allocate', () => {
  for (const { name, dir } of exampleCases()) {
    it(`prints the expected result of ${name} and nothing else`, () => {
      const r = luyue(path.join(dir, `${name}.input.json`));
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(
        JSON.parse(fs.readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')),
      );
    });
  }

  it('writes --out and --xlsx, and --explain adds a sentence in both languages to every row', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'luyue-alloc-'));
    const input = path.resolve('test/fixtures/allocation-examples/case-903.input.json');
    const r = luyue(input, '--explain', '--out', path.join(tmp, 'r.json'), '--xlsx', path.join(tmp, 'r.xlsx'));
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(JSON.parse(fs.readFileSync(path.join(tmp, 'r.json'), 'utf8'))).toEqual(out);
    const f003 = out.allocations.find((a: { rule: string }) => a.rule === '6.4.2.4');
    expect(f003.explain['zh-CN']).toBe(
      'F003 有款加盟商，按上市计划发货 P-0004 5 件；资金不足，余 3 件未分（资金 ¥1586.95，信用 ¥0.00）',
    );
    expect(f003.explain.en).toMatch(/money ran out, 3 not allocated/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, 'r.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['加盟商', '门店', '区域', '资金', '剩余']);
    expect(wb.getWorksheet('区域')!.rowCount).toBe(
      1 + out.allocations.filter((a: { to: { kind: string } }) => a.to.kind === 'region').length,
    );
    expect(wb.getWorksheet('加盟商')!.getRow(1).values).toEqual([
      undefined,
      ...['SKU', '对象', '数量', '状态', '规则', '资金', '信用', '到期', '说明'],
    ]);
    const en = luyue(input, '--xlsx', path.join(tmp, 'en.xlsx'), '--lang', 'en');
    expect(en.status, en.stderr).toBe(0);
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.readFile(path.join(tmp, 'en.xlsx'));
    expect(wbEn.worksheets.map((w) => w.name)).toEqual(['Franchisees', 'Stores', 'Regions', 'Money', 'Remaining']);
    const franchisees = wbEn.getWorksheet('Franchisees')!;
    expect(franchisees.getRow(1).values).toEqual([
      undefined,
      ...['SKU', 'Target', 'Qty', 'Status', 'Rule', 'Funds', 'Credit', 'Expires', 'Explanation'],
    ]);
    expect(['Ship', 'Held']).toContain(franchisees.getRow(2).getCell(4).value);
  });

  it('refuses bad input: exit 2, each wrong path on stderr, nothing on stdout', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'luyue-alloc-'));
    const input = JSON.parse(fs.readFileSync('test/fixtures/allocation-examples/case-901.input.json', 'utf8'));
    input.franchiseeOrders[3].sku = 'X-9';
    input.products[0].price = '1.234';
    fs.writeFileSync(path.join(tmp, 'bad.json'), JSON.stringify(input));
    const r = luyue(path.join(tmp, 'bad.json'));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('franchiseeOrders[3].sku: unknown SKU "X-9"');
    expect(r.stderr).toContain('products[0].price: malformed money "1.234"');
    fs.writeFileSync(path.join(tmp, 'broken.json'), '{ not json');
    const broken = luyue(path.join(tmp, 'broken.json'));
    expect(broken.status).toBe(2);
    expect(broken.stdout).toBe('');
  });
});
