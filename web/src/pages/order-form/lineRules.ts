import type { TFunction } from 'i18next';
import type { Rule } from 'antd/es/form';
import { parseFen } from './money';

// The lines' checks, each naming its line and column in the user's language ("第 2 行 数量 必须大于 0").
const QTY_MAX = 1_000_000;
const UNIT_PRICE_MAX = parseFen('99999999.99')!;

export type LineValue = { productId?: string; qty?: number | null; unitPrice?: string; gift?: boolean };

export function lineRules(t: TFunction, index: number) {
  const say = (field: string, message: string) =>
    t('orderForm.lineError', { line: index + 1, field: t(`orderForm.col.${field}`), message });
  const product: Rule[] = [{ required: true, message: say('product', t('orderForm.mustBeChosen')) }];
  const qty: Rule[] = [
    {
      validator: async (_, v: number | null | undefined) => {
        if (v === undefined || v === null) throw new Error(say('qty', t('orderForm.mustBePositive')));
        if (!Number.isInteger(v)) throw new Error(say('qty', t('orderForm.mustBeWhole')));
        if (v <= 0) throw new Error(say('qty', t('orderForm.mustBePositive')));
        if (v > QTY_MAX) throw new Error(say('qty', t('orderForm.tooLarge', { max: QTY_MAX })));
      },
    },
  ];
  const unitPrice: Rule[] = [
    {
      validator: async (_, v: string | undefined) => {
        if (v === undefined || v === null || v === '') return;
        const fen = parseFen(v);
        if (fen === null) throw new Error(say('unitPrice', t('orderForm.notAmount')));
        if (fen > UNIT_PRICE_MAX) throw new Error(say('unitPrice', t('orderForm.tooLarge', { max: '99999999.99' })));
      },
    },
  ];
  return { product, qty, unitPrice };
}
