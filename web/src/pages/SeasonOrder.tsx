import { App, Button, Card, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsApi, type RegionPriority as Lists } from '../api/settings';

/** The season's region priority lists (company settings): regions served first come first. */
export function SeasonOrder({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [lists, setLists] = useState<Record<keyof Lists, string>>({ spring_summer: '', autumn_winter: '' });
  useEffect(
    () =>
      void settingsApi
        .regionPriority()
        .then((p) =>
          setLists({ spring_summer: p.spring_summer.join(', '), autumn_winter: p.autumn_winter.join(', ') }),
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
            await settingsApi.update({
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
