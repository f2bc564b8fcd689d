import type { Label } from '../../lib/errors';

/** Invoice types (普票/专票/数电票), stored as codes; their names in the reader's language. */
export const invoiceTypeLabels: Record<'normal' | 'special' | 'digital', Label> = {
  normal: { zh: '普票', en: 'Ordinary VAT invoice' },
  special: { zh: '专票', en: 'Special VAT invoice' },
  digital: { zh: '数电票', en: 'Digital invoice' },
};
