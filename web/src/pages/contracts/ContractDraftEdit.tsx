import { Form, Input, InputNumber } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { contractsApi, type Contract } from '../../api/contracts';
import { FormModal } from '../../components/FormModal';

type Values = { customerPo?: string; interestPercent?: number | null };

/**
 * While draft: the customer's PO number and the contract's own overdue interest (% a day; empty keeps the
 * customer's rate). The rate is kept in basis points a day, as on the customer.
 */
export function ContractDraftEdit(props: {
  contract: Contract;
  open: boolean;
  onClose: () => void;
  onDone: (k: Contract) => void;
}) {
  const { t } = useTranslation();
  const k = props.contract;
  // Kept while the dialog is open: a new object would reset what is being typed.
  const initial = useMemo(
    () => ({
      customerPo: k.customerPo,
      interestPercent: k.overdueInterestBp === null ? null : k.overdueInterestBp / 100,
    }),
    [k.customerPo, k.overdueInterestBp],
  );
  const save = async (v: Values) => {
    const bp =
      v.interestPercent === null || v.interestPercent === undefined ? null : Math.round(v.interestPercent * 100);
    props.onDone(await contractsApi.update(k.id, { customerPo: v.customerPo ?? '', overdueInterestBp: bp }));
  };
  return (
    <FormModal<Values>
      open={props.open}
      title={t('contracts.action.edit')}
      initial={initial}
      onClose={props.onClose}
      onSubmit={save}
      onSaved={props.onClose}
      testId="contract-edit-form"
    >
      {() => (
        <>
          <Form.Item name="customerPo" label={t('contracts.customerPo')} rules={[{ max: 60 }]}>
            <Input data-testid="contract-edit-po" />
          </Form.Item>
          <Form.Item name="interestPercent" label={t('contracts.interestRate')} extra={t('contracts.interestHint')}>
            <InputNumber min={0} max={10} precision={2} suffix="%" data-testid="contract-edit-interest" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
