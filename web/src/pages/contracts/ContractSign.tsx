import { App, Button, Input, Modal, Space, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contractsApi, type Contract } from '../../api/contracts';

/** 签订: the scan of the paper signed and sealed by both sides, and who signed for the customer. */
export function ContractSign(props: {
  contract: Contract;
  open: boolean;
  onClose: () => void;
  onDone: (k: Contract) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<Blob & { name?: string }>();
  const [signatory, setSignatory] = useState('');
  const [saving, setSaving] = useState(false);
  const ok = async () => {
    if (!file) return;
    setSaving(true);
    try {
      const body = new FormData();
      body.append('file', file);
      const scan = await contractsApi.attachScan(props.contract.id, body);
      props.onDone(await contractsApi.sign(props.contract.id, scan.id, signatory || undefined));
      message.success(t('common.saved'));
      props.onClose();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('contracts.action.sign')}
      onCancel={props.onClose}
      onOk={ok}
      okButtonProps={{ disabled: !file, loading: saving, 'data-testid': 'contract-sign-ok' } as never}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Upload
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="contract-scan">
            {t('contracts.scan')}
          </Button>
        </Upload>
        <Input
          placeholder={t('contracts.signatory')}
          value={signatory}
          onChange={(e) => setSignatory(e.target.value)}
        />
      </Space>
    </Modal>
  );
}
