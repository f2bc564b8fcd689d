import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsApi } from '../../api/settings';
import { addTexts } from '../../i18n';
import * as exportTexts from '../export-texts';

addTexts(exportTexts);

const HOME = 'CNY';
/** Read once per page load: the company's list changes rarely, and every form showing it asks for the same. */
let loading: Promise<string[]> | undefined;
const companyCurrencies = () =>
  (loading ??= settingsApi
    .get()
    .then((s) => (s as { export?: { currencies?: string[] } }).export?.currencies ?? [HOME])
    .catch(() => {
      loading = undefined;
      return [HOME];
    }));

/**
 * The currencies an order, a quotation or a receipt may be in: the company's `export.currencies` setting, RMB
 * always first. Each is offered with its name in the user's language (美元 USD), never as a bare code.
 */
export function useCurrencies() {
  const { t } = useTranslation();
  const [list, setList] = useState<string[]>([HOME]);
  useEffect(() => {
    let live = true;
    void companyCurrencies().then((l) => live && setList([HOME, ...l.filter((c) => c !== HOME)]));
    return () => {
      live = false;
    };
  }, []);
  return { list, options: list.map((c) => ({ value: c, label: currencyLabel(c, t) })) };
}

/** 美元 USD / US dollar (USD); a code the app has no name for is shown as it is. */
export const currencyLabel = (code: string, t: (key: string, o?: Record<string, unknown>) => string) =>
  t(`exportOrder.currencyName.${code}`, { defaultValue: '' })
    ? t('exportOrder.currencyOption', { name: t(`exportOrder.currencyName.${code}`), code })
    : code;
