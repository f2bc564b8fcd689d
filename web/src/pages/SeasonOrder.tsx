import { App, Button, Card, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

type Lists = { spring_summer: string[]; autumn_winter: string[] };

/** The season's region priority lists (company settings): regions served first come first. */
export function SeasonOrder({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [lists, setLists] = useState<Record<keyof Lists, string>>({ spring_summer: '', autumn_winter: '' });
  useEffect(
    () =>
      void api.get<{ allocation: { regionPriority: Lists } }>('/api/settings').then((s) =>
        setLists({
          spring_summer: s.allocation.regionPriority.spring_summer.join(', '),
          autumn_winter: s.allocation.regionPriority.autumn_winter.join(', '),
        }),
      ),
    [],
  );
  const split = (v: string) =>
    v
      .split(/[,，、\s]+/)
      .map((x) => x.trim())
      .filter(Boolean);
  return (
    <Card size="small" title={t('alloc.regionOrder')} style={{ marginTop: 16 }}>
      {(['spring_summer', 'autumn_winter'] as const).map((k) => (
        <Space key={k} style={{ display: 'flex', marginBottom: 8 }}>
          <span style={{ width: 60, display: 'inline-block' }}>{t(`alloc.${k}`)}</span>
          <Input
            style={{ width: 560 }}
            value={lists[k]}
            disabled={!editable}
            onChange={(e) => setLists({ ...lists, [k]: e.target.value })}
          />
        </Space>
      ))}
      {editable && (
        <Button
          onClick={async () => {
            await api.patch('/api/settings', {
              allocation: {
                regionPriority: {
                  spring_summer: split(lists.spring_summer),
                  autumn_winter: split(lists.autumn_winter),
                },
              },
            });
            message.success(t('common.saved'));
          }}
        >
          {t('common.save')}
        </Button>
      )}
    </Card>
  );
}
