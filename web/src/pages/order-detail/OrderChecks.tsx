import { Alert, Button, Card, Upload } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { customersApi } from '../../api/customers';
import type { Checks, Order, ProductionRequest } from '../../api/types';
import { useSession } from '../../auth/session';
import { StatusTag } from '../../components/StatusTag';
import { yuan } from '../../format';
import { customerDocumentsUrl } from './customerLink';

const Ok = ({ ok }: { ok: boolean }) =>
  ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />;
const UPLOADERS = ['sales_assistant', 'sales_director', 'finance', 'credit_controller'] as const;

/** A new customer with no licence on file fails the sales review: say so, and link to where it is uploaded. */
export function QualificationAlert({ order, checks }: { order: Order; checks?: Checks }) {
  const { t } = useTranslation();
  if (!checks || checks.qualification.ok || ['cancelled', 'draft'].includes(order.status)) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginTop: 12 }}
      data-testid="qualification-alert"
      title={t('orderPage.qualification.missing', { customer: order.customer.name })}
      description={t('orderPage.qualification.explain')}
      action={
        <Link to={customerDocumentsUrl(order.customer.id, `/orders/${order.id}`)} data-testid="qualification-link">
          {t('orderPage.qualification.go')}
        </Link>
      }
    />
  );
}

/** 审核检查: what the reviewer sees computed for them. */
export function OrderChecks({
  order,
  checks,
  productionRequests,
  onChanged,
}: {
  order: Order;
  checks: Checks;
  productionRequests: ProductionRequest[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <Card size="small" title={t('order.checks')} data-testid="order-checks">
      <p>
        <Ok ok={checks.completeness.ok} /> {t('order.completeness')}{' '}
        {checks.completeness.missing.map((f) => t(`orderPage.missing.${f}`, { defaultValue: f })).join('、')}
      </p>
      <p data-testid="check-qualification">
        <Ok ok={checks.qualification.ok} /> {t('order.qualification')} ({checks.qualification.documents})
        {!checks.qualification.ok && can(...UPLOADERS) && (
          // A new customer's licence may also be uploaded right here, where the missing check is seen.
          <Upload
            showUploadList={false}
            customRequest={async ({ file }) => {
              const body = new FormData();
              body.append('kind', 'business_licence');
              body.append('file', file as Blob);
              await customersApi.addDocument(order.customer.id, body);
              onChanged();
            }}
          >
            <Button size="small" type="link" icon={<UploadOutlined />} data-testid="upload-qualification">
              {t('order.uploadQualification')}
            </Button>
          </Upload>
        )}
      </p>
      <p>
        <Ok ok={checks.credit.ok} /> {t('orderPage.labelColon', { label: t('order.credit') })}
        {t('order.limit')} {yuan(checks.credit.limit)} · {t('order.used')} {yuan(checks.credit.used)} ·{' '}
        {t('order.total')} {yuan(checks.credit.thisOrder)}
      </p>
      <p>
        <Ok ok={checks.stock.ok} /> {t('orderPage.labelColon', { label: t('order.stock') })}
        {checks.stock.lines
          .map(
            (l) =>
              `${l.sku} ${t('order.available')} ${l.available}` +
              (l.shortage ? ` ${t('order.shortage')} ${l.shortage}` : ''),
          )
          .join(t('orderPage.itemSeparator'))}
      </p>
      <p>
        <Ok ok={checks.margin.ok} /> {t('order.margin')} {yuan(checks.margin.margin)}
      </p>
      {productionRequests.map((p) => (
        <p key={p.id}>
          <StatusTag status={p.status} /> {p.sku} × {p.qty} {p.completionDate ?? p.reason ?? ''}
        </p>
      ))}
    </Card>
  );
}
