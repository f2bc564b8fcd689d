import { Timeline } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { quotationsApi, type QuotationChange, type QuotationVersion } from '../../api/quotations';
import { dateTime, yuan } from '../../format';

const MONEY = new Set(['unitPrice', 'total', 'extraCosts']);

/** 版本记录: every version, newest first, with what changed from the one before. */
export function QuotationVersions({ id, version }: { id: string; version: number }) {
  const { t } = useTranslation();
  const [versions, setVersions] = useState<QuotationVersion[]>([]);
  useEffect(() => void quotationsApi.versions(id).then(setVersions), [id, version]);
  const value = (c: QuotationChange, v: string | number | null) => {
    if (v === null || v === '') return '—';
    if (c.field === 'paymentMethod') return t(`enums.paymentMethod.${v}`);
    return MONEY.has(c.field) ? yuan(String(v)) : String(v);
  };
  return (
    <Timeline
      data-testid="quotation-versions"
      items={versions.map((v) => ({
        key: v.version,
        children: (
          <div>
            <strong>
              {t('quotations.version')} {v.version}
            </strong>{' '}
            · {yuan(v.terms.total)} · {v.createdBy.name} · {dateTime(v.createdAt)}
            {v.note && <div>{v.note}</div>}
            {v.changes.length === 0 ? (
              <div>{t('quotations.noChanges')}</div>
            ) : (
              <ul style={{ margin: 0 }}>
                {v.changes.map((c, i) => (
                  <li key={i}>
                    {c.line ? `${t('quotations.lineNo', { line: c.line })} ` : ''}
                    {t(`quotations.field.${c.field}`)}: {value(c, c.from)} → {value(c, c.to)}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ),
      }))}
    />
  );
}
