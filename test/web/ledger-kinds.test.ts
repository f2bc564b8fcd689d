import { describe, expect, it } from 'vitest';
import { zh } from '../../web/src/i18n/parts/codes2';
import { en } from '../../web/src/i18n/parts-en/codes2';
import type { FranchiseeLedgerTable } from '../../src/modules/allocation/allocation.table';

// The franchisee ledger shows each entry's kind by name, never its code (the drawer itself:
// test/e2e/allocation.browser.test.ts).

// Every kind the ledger stores (the compiler refuses this list when a kind is added and missing here).
const KINDS: Record<FranchiseeLedgerTable['kind'], true> = {
  payment: true,
  credit_limit: true,
  shipment: true,
  correction: true,
  import: true,
};

describe('franchisee ledger kinds', () => {
  it('each has a Chinese and an English name', () => {
    for (const kind of Object.keys(KINDS)) {
      const zhName = (zh.codes.ledgerKind as Record<string, string>)[kind];
      const enName = (en.codes.ledgerKind as Record<string, string>)[kind];
      expect(zhName, kind).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(enName, kind).toMatch(/^[A-Z][a-z ]+$/);
    }
  });
});
