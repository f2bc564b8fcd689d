import { Card, Col, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';

export function HomePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <>
      <Typography.Title level={3}>{t('common.welcome', { name: me?.user.displayName })}</Typography.Title>
      <Typography.Paragraph>
        {me?.company?.name} · {t('home.roles')}:{' '}
        {me?.roles.map((r) => (
          <Tag key={r}>{t(`enums.role.${r}`)}</Tag>
        ))}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('home.shortcuts')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {(['customers', 'products', 'warehouses', 'stock'] as const).map((k) => (
          <Col key={k} xs={12} md={6}>
            <Link to={`/${k}`}>
              <Card hoverable>{t(`menu.${k}`)}</Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
