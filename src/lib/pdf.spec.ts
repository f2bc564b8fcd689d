import { describe, expect, it } from 'vitest';
import { pdfText } from '../../test/helpers/pdf-text';
import { formToPdf, renderPdf } from './pdf';
import type { PrintContext } from './printable';

// A 1×1 red PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const zh: PrintContext = {
  lang: 'zh-CN',
  company: '鹿跃贸易有限公司',
  printedOn: '2026-12-01',
  timeZone: 'Asia/Shanghai',
};

describe('pdf', () => {
  it('renders Chinese with the embedded font and reads it back', async () => {
    const rows = Array.from({ length: 80 }, (_, i) => [`第${i + 1}行`, '不锈钢保温杯', i + 1, '¥12.50']);
    const buf = await renderPdf({
      title: '订单档案 SO-001',
      print: zh,
      blocks: [
        { kind: 'heading', text: '订单登记' },
        {
          kind: 'fields',
          pairs: [
            ['客户', '上海望海商贸'],
            ['金额', '¥1,234.50'],
          ],
        },
        { kind: 'paragraph', text: '客户要求分两批发货，第一批十二月五日前送达。' },
        { kind: 'table', columns: ['行', '产品', '数量', '单价'], rows, align: ['left', 'left', 'right', 'right'] },
        { kind: 'image', data: PNG, caption: '签收单扫描件' },
        { kind: 'image', data: Buffer.from('not an image'), caption: '损坏的附件' },
      ],
    });
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(buf.length).toBeLessThan(400_000); // the font is subset, not embedded whole (10 MB)
    const text = await pdfText(buf);
    for (const s of [
      '鹿跃贸易有限公司',
      '订单档案 SO-001',
      '订单登记',
      '上海望海商贸',
      '分两批发货',
      '不锈钢保温杯',
      '第80行',
    ])
      expect(text).toContain(s);
    expect(text).toMatch(/第 1 \/ [2-9] 页/); // the long table runs over pages, each numbered
    expect(text.split('产品').length - 1).toBeGreaterThan(1); // the table header repeats on the next page
  });

  it('renders a printable form in English', async () => {
    const buf = await formToPdf({
      print: { ...zh, lang: 'en', company: 'Luyue Trading' },
      title: 'Statement of account',
      head: [['Customer', '望海商贸']],
      table: { columns: ['Date', 'Amount'], rows: [['2026-11-30', '¥100.00']] },
      foot: [['Total', '¥100.00']],
    });
    const text = await pdfText(buf);
    for (const s of ['Luyue Trading', 'Statement of account', '望海商贸', '¥100.00', 'Page 1 of 1'])
      expect(text).toContain(s);
  });
});
