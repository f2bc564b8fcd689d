import { useCallback, useEffect, useState } from 'react';
import { Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { portalApi, type PortalShipment } from '../../api/portal';
import { ShipmentCard } from './ShipmentCard';

/** My shipments with their tracking; those arrived can be signed for. */
export function PortalShipmentsPage() {
  const { t } = useTranslation();
  const [shipments, setShipments] = useState<PortalShipment[]>();
  const load = useCallback(() => portalApi.shipments().then(setShipments), []);
  useEffect(() => void load(), [load]);
  return (
    <>
      <PageHeader title={t('portal.tab.shipments')} />
      {!shipments && <Spin />}
      {shipments?.length === 0 && <Empty description={t('portal.shipment.empty')} />}
      {shipments?.map((s) => (
        <ShipmentCard key={s.id} shipment={s} onSigned={() => void load()} />
      ))}
    </>
  );
}
