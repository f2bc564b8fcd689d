import { describe, expect, it } from 'vitest';
import { replayActions, type CatalogueProduct, type OrderVersion, type VersionLine } from './change-actions';
import { planStock, touchedShipments } from './change-impact';

const line = (lineNo: number, o: Partial<VersionLine> = {}): VersionLine => ({
  lineNo,
  productId: `p${lineNo}`,
  sku: `S${lineNo}`,
  name: 'n',
  spec: '',
  unit: '件',
  qty: 10,
  unitPrice: '10.00',
  amount: '100.00',
  standardCost: '6.00',
  gift: false,
  reserved: 10,
  backordered: 0,
  shipped: 0,
  ...o,
});
const base = (lines: VersionLine[]): OrderVersion => ({
  head: {
    expectedDeliveryDate: null,
    delivery: { consignee: '甲', address: 'A 路' },
    paymentMethod: 'credit',
    paymentDays: 10,
    depositPercent: null,
    total: '0.00',
    costTotal: '0.00',
  },
  lines,
});
const catalogue = new Map<string, CatalogueProduct>([
  [
    'px',
    { id: 'px', sku: 'SX', name: 'x', spec: '', unit: '件', listPrice: '5.00', standardCost: '2.00', active: true },
  ],
]);

describe('change replay', () => {
  it('replays on a copy: quantities, prices, added and removed lines, totals recomputed', () => {
    const v = base([line(1), line(2)]);
    const next = replayActions(
      v,
      [
        { type: 'change_qty', lineNo: 1, qty: 12 },
        { type: 'change_price', lineNo: 2, unitPrice: '8' },
        { type: 'add_line', productId: 'px', qty: 3 },
        { type: 'remove_line', lineNo: 2 },
      ],
      catalogue,
      5,
    );
    expect(next.lines.map((l) => [l.lineNo, l.qty, l.amount])).toEqual([
      [1, 12, '120.00'],
      [5, 3, '15.00'],
    ]);
    expect(next.head).toMatchObject({ total: '135.00', costTotal: '78.00' });
    expect(v.lines[0].qty).toBe(10);
  });

  it('refuses a quantity below what shipped and an unknown line, naming the action field', () => {
    const v = base([line(1, { shipped: 4, reserved: 6 })]);
    expect(() => replayActions(v, [{ type: 'change_qty', lineNo: 1, qty: 3 }], catalogue, 2)).toThrow(
      expect.objectContaining({
        code: 'CHANGE.BELOW_SHIPPED',
        fields: [{ path: 'actions[0].qty', message: expect.any(String) }],
      }),
    );
    expect(() => replayActions(v, [{ type: 'remove_line', lineNo: 7 }], catalogue, 2)).toThrow(
      expect.objectContaining({ code: 'CHANGE.UNKNOWN_LINE' }),
    );
  });
});

describe('stock plan', () => {
  it('drops backorders before releasing, and a released unit can serve another line of the product', () => {
    const before = base([
      line(1, { qty: 10, reserved: 7, backordered: 3 }),
      line(2, { productId: 'p1', reserved: 10 }),
    ]);
    const after = structuredClone(before);
    after.lines[0].qty = 5;
    after.lines[1].qty = 12;
    const plan = planStock(before, after, new Map([['p1', 0]]), new Set());
    expect(plan[0]).toMatchObject({ dropBackorder: 3, release: 2, reservedAfter: 5, backorderedAfter: 0 });
    expect(plan[1]).toMatchObject({ reserve: 2, backorder: 0, reservedAfter: 12 });
  });

  it('backorders what stock cannot cover, and products under allocation whole', () => {
    const before = base([line(1), line(2)]);
    const after = structuredClone(before);
    after.lines[0].qty = 15;
    after.lines[1].qty = 15;
    const plan = planStock(
      before,
      after,
      new Map([
        ['p1', 3],
        ['p2', 100],
      ]),
      new Set(['p2']),
    );
    expect(plan[0]).toMatchObject({ reserve: 3, backorder: 2 });
    expect(plan[1]).toMatchObject({ reserve: 0, backorder: 5 });
  });

  it('a shipment is touched when its line is repriced, removed or left without enough reservation', () => {
    const before = base([line(1), line(2), line(3)]);
    const after = structuredClone(before);
    after.lines[0].unitPrice = '9.00';
    after.lines[2].qty = 4;
    after.lines.splice(1, 1);
    const stock = planStock(before, after, new Map(), new Set());
    const shipments = [
      { id: 's1', number: 'SH1', status: 'picked', lines: [{ orderLineNo: 1, qty: 10 }] },
      { id: 's2', number: 'SH2', status: 'to_pick', lines: [{ orderLineNo: 2, qty: 5 }] },
      { id: 's3', number: 'SH3', status: 'packed', lines: [{ orderLineNo: 3, qty: 5 }] },
      { id: 's4', number: 'SH4', status: 'packed', lines: [{ orderLineNo: 3, qty: 4 }] },
    ];
    expect(touchedShipments(before, after, stock, shipments.slice(0, 3)).map((s) => [s.id, s.reasons])).toEqual([
      ['s1', ['price_changed']],
      ['s2', ['line_removed']],
      ['s3', ['quantity_below_shipment']],
    ]);
    expect(touchedShipments(before, after, stock, [shipments[3]])).toEqual([]);
  });
});
