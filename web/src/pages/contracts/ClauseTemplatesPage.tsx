import { useCallback, useEffect, useState } from 'react';
import { App, Button, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { contractClausesApi, type ClauseTemplate, type NewClauseTemplate } from '../../api/contractClauses';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { dateTime } from '../../format';
import { addTexts } from '../../i18n';
import * as contractTexts from './texts';

addTexts(contractTexts);

type Values = NewClauseTemplate;

/**
 * 合同 → 条款模板: the clauses every new contract is drafted with, kept by legal. A change reaches the contracts
 * drafted from then on; those drafted before keep the clauses they were made with.
 */
export function ClauseTemplatesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<ClauseTemplate[]>([]);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<ClauseTemplate | 'new'>();
  const load = useCallback(async () => {
    setLoading(true);
    try {
      setItems((await contractClausesApi.list()).items);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => void load(), [load]);
  const en = i18n.language === 'en';

  const toggle = async (c: ClauseTemplate) => {
    try {
      await contractClausesApi.update(c.code, { retired: !c.retired });
      message.success(t(c.retired ? 'contracts.clauseTemplates.reinstated' : 'contracts.clauseTemplates.retiredDone'));
      await load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <>
      <PageHeader
        subTitle={t('contracts.clauseTemplates.hint')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="clause-new">
            {t('contracts.clauseTemplates.add')}
          </Button>
        }
      />
      <Table<ClauseTemplate>
        rowKey="code"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={false}
        data-testid="clause-templates"
        rowClassName={(c) => (c.retired ? 'ant-table-row-disabled' : '')}
        columns={[
          { title: t('contracts.clauseTemplates.sort'), dataIndex: 'sort', width: 70, align: 'right' },
          {
            title: t('contracts.clauseTemplates.title'),
            render: (_, c) => (
              <>
                <b>{en && c.titleEn ? c.titleEn : c.title}</b>
                <div>
                  <Typography.Text type="secondary">{c.code}</Typography.Text>
                </div>
              </>
            ),
          },
          {
            title: t('contracts.clauseTemplates.body'),
            render: (_, c) => (en && c.bodyEn ? c.bodyEn : c.body),
          },
          {
            title: t('order.status'),
            width: 110,
            render: (_, c) =>
              c.retired ? (
                <Tag>{t('contracts.clauseTemplates.retired')}</Tag>
              ) : (
                <Tag color="green">{t('contracts.clauseTemplates.inUse')}</Tag>
              ),
          },
          { title: t('contracts.clauseTemplates.updatedAt'), width: 150, render: (_, c) => dateTime(c.updatedAt) },
          {
            title: '',
            width: 150,
            render: (_, c) => (
              <Space>
                <Button size="small" onClick={() => setEditing(c)} data-testid={`clause-edit-${c.code}`}>
                  {t('common.edit')}
                </Button>
                <Button
                  size="small"
                  danger={!c.retired}
                  onClick={() => toggle(c)}
                  data-testid={`clause-retire-${c.code}`}
                >
                  {t(c.retired ? 'contracts.clauseTemplates.reinstate' : 'contracts.clauseTemplates.retire')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <FormModal<Values>
        open={!!editing}
        title={t(editing === 'new' ? 'contracts.clauseTemplates.add' : 'contracts.clauseTemplates.edit')}
        initial={editing && editing !== 'new' ? editing : { sort: (items.at(-1)?.sort ?? 0) + 10 }}
        onClose={() => setEditing(undefined)}
        onSubmit={async ({ code, ...v }) => {
          if (editing === 'new') await contractClausesApi.create({ code, ...v });
          else if (editing) await contractClausesApi.update(editing.code, v);
        }}
        onSaved={() => {
          setEditing(undefined);
          void load();
        }}
        testId="clause-form"
      >
        {() => (
          <>
            <Form.Item
              name="code"
              label={t('contracts.clauseTemplates.code')}
              extra={t('contracts.clauseTemplates.codeHint')}
              rules={[{ required: true }]}
            >
              <Input disabled={editing !== 'new'} maxLength={40} />
            </Form.Item>
            <Form.Item name="title" label={t('contracts.clauseTemplates.title')} rules={[{ required: true }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="titleEn" label={t('contracts.clauseTemplates.titleEn')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              name="body"
              label={t('contracts.clauseTemplates.body')}
              extra={t('contracts.clauseTemplates.placeholders')}
              rules={[{ required: true }]}
            >
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
            <Form.Item name="bodyEn" label={t('contracts.clauseTemplates.bodyEn')}>
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
            <Form.Item name="sort" label={t('contracts.clauseTemplates.sort')}>
              <InputNumber min={0} max={100000} />
            </Form.Item>
          </>
        )}
      </FormModal>
    </>
  );
}
