import { Button, Form, Input, Select, Switch, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usersApi, type Role, type User, type UserInput } from '../api/users';
import { PageHeader } from '../components/PageHeader';
import { ServerTable } from '../components/ServerTable';
import { FormModal } from '../components/FormModal';

type UserForm = { username?: string; displayName: string; password?: string; roles: Role[]; active?: boolean };

export function UsersPage() {
  const { t } = useTranslation();
  const [roles, setRoles] = useState<Role[]>([]);
  const [editing, setEditing] = useState<User | undefined>();
  const [open, setOpen] = useState(false);
  const [reload, setReload] = useState(0);
  useEffect(() => void usersApi.roles().then(setRoles), []);

  // A customer's portal login keeps its one role: its name, password and active flag are edited here.
  const portalLogin = !!editing?.roles.some((r: string) => r === 'customer');
  const submit = ({ username, password, roles: chosen, ...rest }: UserForm) =>
    editing
      ? usersApi.update(editing.id, {
          ...rest,
          ...(portalLogin ? {} : { roles: chosen }),
          ...(password ? { password } : {}),
        })
      : usersApi.create({ username, password, roles: chosen, ...rest } as UserInput);

  return (
    <>
      <PageHeader
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(undefined);
              setOpen(true);
            }}
          >
            {t('common.create')}
          </Button>
        }
      />
      <ServerTable<User>
        url={usersApi.listUrl}
        rowKey="id"
        reloadKey={reload}
        exportUrl={usersApi.exportUrl}
        empty={t('emptyHint.users')}
        columns={[
          { title: t('user.username'), dataIndex: 'username', key: 'username', sorter: true },
          { title: t('user.displayName'), dataIndex: 'displayName', key: 'displayName', sorter: true },
          {
            title: t('user.roles'),
            dataIndex: 'roles',
            render: (rs: string[]) => rs.map((r) => <Tag key={r}>{t(`enums.role.${r}`)}</Tag>),
          },
          {
            title: t('common.active'),
            dataIndex: 'active',
            render: (a: boolean) =>
              a ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, u: User) => (
              <Button
                size="small"
                onClick={() => {
                  setEditing(u);
                  setOpen(true);
                }}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      <FormModal<UserForm>
        open={open}
        title={editing ? t('user.editTitle') : t('user.newTitle')}
        initial={editing ?? ({ roles: [] as string[] } as Partial<UserForm>)}
        onClose={() => setOpen(false)}
        onSubmit={submit}
        onSaved={() => {
          setOpen(false);
          setReload((r) => r + 1);
        }}
      >
        {() => (
          <>
            <Form.Item
              name="username"
              label={t('user.username')}
              rules={[{ required: !editing }, { pattern: /^[a-zA-Z0-9._-]{3,40}$/, message: 'a-z 0-9 . _ - (3–40)' }]}
            >
              <Input disabled={!!editing} />
            </Form.Item>
            <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, max: 50 }]}>
              <Input />
            </Form.Item>
            <Form.Item
              name="password"
              label={editing ? t('user.newPassword') : t('user.password')}
              rules={[{ required: !editing }, { min: 8 }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            {!portalLogin && (
              <Form.Item name="roles" label={t('user.roles')} rules={[{ required: true }]}>
                <Select mode="multiple" options={roles.map((r) => ({ value: r, label: t(`enums.role.${r}`) }))} />
              </Form.Item>
            )}
            {editing && (
              <Form.Item name="active" label={t('common.active')} valuePropName="checked">
                <Switch />
              </Form.Item>
            )}
          </>
        )}
      </FormModal>
    </>
  );
}
