import { sql, type Kysely } from 'kysely';

// The franchisee ledger's and the receipts' system texts (Chinese + English) become reason codes
// (src/lib/reason-codes.ts), named in each reader's language. Only the stored form of the same reason changes;
// amounts never do. Text a user typed is left as it is.
const ledger: [string, string][] = [
  ['导入 Excel import', 'franchisee_import'],
  ['发货扣款 Shipment posted', 'shipment_deducted'],
];
const reversal = '^冲销 Reversal: (.*)$';

export async function up(db: Kysely<any>): Promise<void> {
  for (const [text, code] of ledger)
    await sql`update franchisee_ledger set reason = ${'@' + code} where reason = ${text}`.execute(db);
  await sql`update customer_receipts
            set reference = '@receipt_reversal '
              || json_build_object('note', (regexp_match(reference, ${reversal}))[1])::text
            where reverses_id is not null and reference ~ ${reversal}`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations go forward only');
}
