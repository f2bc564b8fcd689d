import { Card, Col, Descriptions, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changes, yuan, type OrderVersionDetail, type OrderVersionItem, type VersionLine } from '../api/changes';

/** A value that differs from the other version's. */
const CHANGED = { background: '#fff7e6', color: '#d46b08', fontWeight: 600 } as const;
const ONLY_HERE = { background: '#f6ffed' } as const;

const HEAD_FIELDS = ['expectedDeliveryDate', 'delivery', 'paymentMethod', 'paymentDays', 'depositPercent'] as const;
type HeadField = (typeof HEAD_FIELDS)[number];

function Mark({ changed, children }: { changed: boolean; children: ReactNode }) {
  return (
    <span style={changed ? CHANGED : undefined} data-changed={changed ? 'yes' : undefined}>
      {children}
    </span>
  );
}

/** One version beside the other: every field and line cell that differs from `other` is highlighted. */
function VersionSide({ v, other, testId }: { v: OrderVersionDetail; other?: OrderVersionDetail; testId: string }) {
  const { t } = useTranslation();
  const headText = (d: OrderVersionDetail, f: HeadField): string => {
    const value = d.head[f];
    if (value === null || value === undefined || value === '') return '—';
    if (f === 'paymentMethod') return t(`enums.paymentMethod.${String(value)}`);
    if (f === 'depositPercent') return `${String(value)}%`;
    if (typeof value === 'object') return [value.consignee, value.phone, value.address].filter(Boolean).join(' ');
    return String(value);
  };
  const otherLines = new Map((other?.lines ?? []).map((l) => [l.lineNo, l]));
  const differs = (l: VersionLine, k: 'qty' | 'unitPrice' | 'amount') => {
    const o = otherLines.get(l.lineNo);
    return !!other && (!o || o[k] !== l[k]);
  };
  return (
    <Card
      size="small"
      data-testid={testId}
      title={
        <Space>
          {t('changeReq.compareVersion', { n: v.version })}
          {v.current && <Tag color="blue">{t('changeReq.compareCurrent')}</Tag>}
        </Space>
      }
    >
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          ...HEAD_FIELDS.map((f) => ({
            key: f,
            label: t(`changeReq.field.${f}`),
            children: <Mark changed={!!other && headText(other, f) !== headText(v, f)}>{headText(v, f)}</Mark>,
          })),
          {
            key: 'total',
            label: t('order.total'),
            children: (
              <Mark changed={!!other && other.head.total !== v.head.total}>
                <b>{yuan(v.head.total)}</b>
              </Mark>
            ),
          },
        ]}
      />
      <Table<VersionLine>
        style={{ marginTop: 8 }}
        size="small"
        rowKey="lineNo"
        pagination={false}
        dataSource={v.lines}
        onRow={(l) => ({ style: other && !otherLines.has(l.lineNo) ? ONLY_HERE : undefined })}
        columns={[
          { title: '#', dataIndex: 'lineNo', width: 40 },
          {
            title: t('order.product'),
            render: (_, l) => (
              <>
                {l.sku} {l.name}
                {other && !otherLines.has(l.lineNo) && (
                  <Tag style={{ marginLeft: 4 }} color="green">
                    {t('changeReq.compareOnlyHere')}
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: t('order.qty'),
            align: 'right',
            render: (_, l) => <Mark changed={differs(l, 'qty')}>{l.qty}</Mark>,
          },
          {
            title: t('order.unitPrice'),
            align: 'right',
            render: (_, l) => <Mark changed={differs(l, 'unitPrice')}>{yuan(l.unitPrice)}</Mark>,
          },
          {
            title: t('order.amount'),
            align: 'right',
            render: (_, l) => <Mark changed={differs(l, 'amount')}>{yuan(l.amount)}</Mark>,
          },
        ]}
      />
    </Card>
  );
}

/**
 * 版本对比: two versions of the order side by side (head fields, lines, totals), what differs highlighted.
 * Opens with `pair` chosen (older left, newer right); either side may be switched to another version.
 */
export function OrderVersionCompare({
  orderId,
  versions,
  pair,
  onClose,
}: {
  orderId: string;
  versions: OrderVersionItem[];
  pair: [number, number] | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [left, setLeft] = useState<number>();
  const [right, setRight] = useState<number>();
  const [loaded, setLoaded] = useState<Record<number, OrderVersionDetail>>({});
  useEffect(() => {
    if (!pair) return;
    setLeft(pair[0]);
    setRight(pair[1]);
  }, [pair]);
  useEffect(() => {
    setLoaded({});
  }, [orderId, versions]);
  useEffect(() => {
    for (const n of [left, right])
      if (n !== undefined && !loaded[n])
        void changes.version(orderId, n).then((v) => setLoaded((m) => ({ ...m, [n]: v })));
  }, [orderId, left, right, loaded]);
  const options = versions.map((v) => ({
    value: v.version,
    label: `V${v.version} · ${yuan(v.total)}${v.changeNumber ? ` · ${v.changeNumber}` : ''}`,
  }));
  const l = left !== undefined ? loaded[left] : undefined;
  const r = right !== undefined ? loaded[right] : undefined;
  return (
    <Modal open={!!pair} onCancel={onClose} footer={null} width={1200} title={t('changeReq.compare')} destroyOnHidden>
      <div data-testid="version-compare">
        <Space style={{ marginBottom: 12 }} wrap>
          <Select
            data-testid="compare-left"
            style={{ minWidth: 220 }}
            value={left}
            options={options}
            onChange={setLeft}
          />
          <Typography.Text type="secondary">{t('changeReq.compareWith')}</Typography.Text>
          <Select
            data-testid="compare-right"
            style={{ minWidth: 220 }}
            value={right}
            options={options}
            onChange={setRight}
          />
        </Space>
        <Row gutter={12}>
          <Col xs={24} lg={12}>
            {l && <VersionSide v={l} other={r} testId="compare-side-left" />}
          </Col>
          <Col xs={24} lg={12}>
            {r && <VersionSide v={r} other={l} testId="compare-side-right" />}
          </Col>
        </Row>
      </div>
    </Modal>
  );
}
