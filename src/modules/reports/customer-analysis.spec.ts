import { describe, expect, it } from 'vitest';
import { abcClasses, fallingOffCustomers } from './customer-analysis';

describe('customer classes and customers ordering less', () => {
  it('classes customers by the share of the total ranked before them: under 70% A, under 90% B, else C', () => {
    const rows = [
      { id: 'c', v: 10 },
      { id: 'a', v: 50 },
      { id: 'b', v: 25 },
      { id: 'd', v: 10 },
      { id: 'e', v: 5 },
    ];
    const classes = abcClasses(rows, (r) => r.v);
    expect(rows.map((r) => [r.id, classes.get(r)])).toEqual([
      ['c', 'B'], // a and b before it: 75%
      ['a', 'A'], // nothing before it
      ['b', 'A'], // a before it: 50%
      ['d', 'B'], // a, b and c before it: 85%
      ['e', 'C'], // 95% before it
    ]);
  });

  it('names a customer whose month is below half of the previous three months’ average', () => {
    const row = (customer_id: string, back: number, fen: number) => ({
      customer_id,
      name: customer_id,
      back,
      amount_fen: String(fen),
    });
    const out = fallingOffCustomers([
      row('down', 0, 100),
      row('down', 1, 300),
      row('down', 2, 300),
      row('down', 3, 300),
      row('steady', 0, 200),
      row('steady', 1, 300),
      row('gone', 2, 600),
      row('new', 0, 500),
    ]);
    expect(out).toEqual([
      { customerId: 'gone', name: 'gone', monthAmountFen: 0, previousAvgFen: 200, dropRate: 1 },
      { customerId: 'down', name: 'down', monthAmountFen: 100, previousAvgFen: 300, dropRate: 1 - 100 / 300 },
    ]);
  });
});
