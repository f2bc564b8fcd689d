import { Form, Input, InputNumber, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { contractsApi, type Contract } from '../../api/contracts';
import { FormModal } from '../../components/FormModal';
import { yuan } from '../../format';

type Values = { quantities: Record<string, number | null>; remarks?: string };

/** 新建要货订单: how much of each contract line to call off now; prices and terms come from the contract. */
export function ContractCallOff(props: {
  contract: Contract;
  open: boolean;
  onClose: () => void;
  onDone: (r: { order: { id: string; number: string }; contract: Contract }) => void;
}) {
  const { t } = useTranslation();
  const k = props.contract;
  return (
    <FormModal<Values>
      open={props.open}
      title={`${t('contracts.action.order')} · ${k.number}`}
      initial={{ quantities: {} }}
      onClose={props.onClose}
      onSubmit={async (v) => {
        const lines = k.lines
          .map((l) => ({ productId: l.productId, quantity: v.quantities?.[String(l.lineNo)] ?? 0 }))
          .filter((l) => l.quantity > 0);
        props.onDone(await contractsApi.callOff(k.id, { lines, ...(v.remarks ? { remarks: v.remarks } : {}) }));
      }}
      onSaved={props.onClose}
      testId="contract-calloff-form"
    >
      {() => (
        <>
          <Table
            rowKey="lineNo"
            size="small"
            pagination={false}
            dataSource={k.lines}
            columns={[
              { title: 'SKU', dataIndex: 'sku' },
              { title: t('contracts.product'), dataIndex: 'name' },
              { title: t('contracts.unitPrice'), dataIndex: 'unitPrice', align: 'right', render: yuan },
              { title: t('contracts.remainingQty'), dataIndex: 'remainingQty', align: 'right' },
              {
                title: t('contracts.quantity'),
                key: 'q',
                render: (_: unknown, l) => (
                  <Form.Item name={['quantities', String(l.lineNo)]} noStyle>
                    <InputNumber min={0} max={l.remainingQty} precision={0} data-testid={`calloff-qty-${l.lineNo}`} />
                  </Form.Item>
                ),
              },
            ]}
          />
          <Form.Item name="remarks" label={t('contracts.remarksOptional')} style={{ marginTop: 12 }}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
