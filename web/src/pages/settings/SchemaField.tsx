import { Card, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';

import type { SchemaNode } from '../../api/settings';

/** The part of JSON Schema the settings use (kept in the settings client). */
export type { SchemaNode };

/** A setting's name: its own text when there is one, else a stage's or role's name, else the key itself. */
function useLabel() {
  const { t, i18n } = useTranslation();
  return (path: string[]) => {
    const key = `settings.${path.join('.')}`;
    if (i18n.exists(key)) return t(key);
    const last = path[path.length - 1];
    for (const group of ['stage', 'enums.role', 'enums.orderType', 'enums.messageKind', 'enums.messageChannel'])
      if (i18n.exists(`${group}.${last}`)) return t(`${group}.${last}`);
    return last;
  };
}

/** Checks as you type, from the schema's own limits (the server checks the same on save). */
function rules(node: SchemaNode, t: TFunction): Rule[] {
  const r: Rule[] = [];
  if (node.type === 'number' || node.type === 'integer') {
    r.push({ required: true, message: t('settings.required') });
    r.push({
      validator: async (_, v: number | null) => {
        if (v === null || v === undefined) return;
        if (node.minimum !== undefined && v < node.minimum)
          throw new Error(t('settings.tooSmall', { min: node.minimum }));
        if (node.exclusiveMinimum !== undefined && v <= node.exclusiveMinimum)
          throw new Error(t('settings.mustExceed', { min: node.exclusiveMinimum }));
        if (node.maximum !== undefined && v > node.maximum)
          throw new Error(t('settings.tooLarge', { max: node.maximum }));
      },
    });
  }
  if (node.type === 'string' && !node.enum) {
    if (node.minLength) r.push({ required: true, whitespace: true, message: t('settings.required') });
    if (node.maxLength) r.push({ max: node.maxLength, message: t('settings.tooLong', { max: node.maxLength }) });
  }
  if (node.type === 'array' && node.minItems)
    r.push({ type: 'array', min: node.minItems, message: t('settings.required') });
  return r;
}

/** One field of the settings form, drawn from its schema node; objects become titled groups. */
export function SchemaField({ path, node, value }: { path: string[]; node: SchemaNode; value: unknown }) {
  const { t } = useTranslation();
  const label = useLabel();
  const testId = `setting-${path.join('.')}`;
  if (node.type === 'object') {
    const record = typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
    const keys = node.properties
      ? Object.keys(node.properties)
      : ((node.propertyNames?.enum as string[] | undefined) ?? Object.keys((value as object) ?? {}));
    const children = keys.map((k) => (
      <SchemaField
        key={k}
        path={[...path, k]}
        node={node.properties?.[k] ?? record ?? {}}
        value={(value as Record<string, unknown> | undefined)?.[k]}
      />
    ));
    return (
      <Card size="small" title={label(path)} style={{ marginBottom: 12 }} data-testid={testId}>
        {children}
      </Card>
    );
  }
  const common = { name: path, label: label(path), rules: rules(node, t), 'data-testid': testId };
  if (node.type === 'boolean')
    return (
      <Form.Item {...common} valuePropName="checked">
        <Switch />
      </Form.Item>
    );
  if (node.type === 'number' || node.type === 'integer')
    return (
      <Form.Item {...common}>
        <InputNumber
          style={{ width: 160 }}
          precision={node.type === 'integer' ? 0 : undefined}
          step={node.multipleOf ?? 1}
        />
      </Form.Item>
    );
  if (node.type === 'array') {
    const options = node.items?.enum?.map((v) => ({ value: v, label: label([...path, String(v)]) }));
    return (
      <Form.Item {...common}>
        <Select mode={options ? 'multiple' : 'tags'} options={options} style={{ maxWidth: 640 }} />
      </Form.Item>
    );
  }
  if (node.enum)
    return (
      <Form.Item {...common}>
        <Select
          options={node.enum.map((v) => ({ value: v, label: label([...path, String(v)]) }))}
          style={{ width: 240 }}
        />
      </Form.Item>
    );
  return (
    <Form.Item {...common}>
      <Input style={{ maxWidth: 400 }} />
    </Form.Item>
  );
}
