import { Anchor, Badge, Button, Card, Group, PasswordInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { ROLES, type CreateOrganizationRequest, type CreateUserRequest, type Role } from '../../../lib/api-types';
import { organizationsWithRole, useMe } from '../../auth/queries/auth-queries';
import { createOrganization, createUser, memberships, revokeRole, subtree, toTree, type TreeNode } from '../services/admin-service';

/** The organisation tree of the admin's subtree, and the accounts and roles of one organisation. */
export default function AdminPage() {
  const { t } = useTranslation();
  const { organizationId } = useParams();
  const me = useMe();
  const roots = organizationsWithRole(me.data, 'admin');
  const trees = useQueries({ queries: roots.map((root) => ({ queryKey: ['admin', 'subtree', root.id], queryFn: () => subtree(root.id) })) });
  if (me.isLoading) return <Loading />;
  if (roots.length === 0) return <Text>{t('admin.notAdmin')}</Text>;
  const organizations = trees.flatMap((q) => q.data ?? []);
  const selected = organizations.find((o) => o.id === organizationId);
  return (
    <Stack>
      <Title order={1}>{t('admin.title')}</Title>
      {trees.map((q, i) => (
        <ErrorAlert key={i} error={q.error} />
      ))}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('admin.tree')}
          </Title>
          <nav aria-label={t('admin.tree')} data-testid="org-tree">
            <Tree nodes={toTree(organizations)} selected={organizationId} />
          </nav>
        </Card>
        <Card withBorder>
          {selected ? (
            <Stack>
              <Accounts organizationId={selected.id} name={selected.name} />
              <NewOrganization parentId={selected.id} />
            </Stack>
          ) : (
            <Text>{t('admin.pick')}</Text>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

function Tree({ nodes, selected }: { nodes: TreeNode[]; selected: string | undefined }) {
  return (
    <ul style={{ listStyle: 'none', paddingLeft: '1rem', margin: 0 }}>
      {nodes.map((node) => (
        <li key={node.id}>
          <Anchor component={Link} to={`/admin/organizations/${node.id}`} fw={node.id === selected ? 700 : 400} aria-current={node.id === selected ? 'page' : undefined}>
            {node.name}
          </Anchor>{' '}
          <Badge size="xs" variant="outline" color="gray.8">
            {node.level}
          </Badge>
          {node.children.length > 0 && <Tree nodes={node.children} selected={selected} />}
        </li>
      ))}
    </ul>
  );
}

function Accounts({ organizationId, name }: { organizationId: string; name: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = ['admin', 'memberships', organizationId];
  const list = useQuery({ queryKey: key, queryFn: () => memberships(organizationId) });
  const [form, setForm] = useState<CreateUserRequest>({ email: '', fullName: '', password: '', role: 'drafter', organizationId });
  const add = useMutation({
    mutationFn: () => createUser({ ...form, organizationId }),
    onSuccess: () => {
      setForm({ email: '', fullName: '', password: '', role: form.role, organizationId });
      return client.invalidateQueries({ queryKey: key });
    },
  });
  const revoke = useMutation({ mutationFn: (membershipId: string) => revokeRole(organizationId, membershipId), onSettled: () => client.invalidateQueries({ queryKey: key }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('admin.accounts')} — {name}
      </Title>
      <ErrorAlert error={list.error ?? revoke.error} onReload={() => void list.refetch()} />
      <Table data-testid="accounts">
        <Table.Tbody>
          {list.data?.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{m.fullName}</Table.Td>
              <Table.Td>{m.email}</Table.Td>
              <Table.Td>{t(`roles.${m.role}`)}</Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" color="red.9" onClick={() => revoke.mutate(m.id)} aria-label={`${t('admin.revoke')}: ${m.fullName} (${t(`roles.${m.role}`)})`}>
                  {t('admin.revoke')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Text fw={600}>{t('admin.newUser')}</Text>
          <Group grow>
            <TextInput label={t('admin.fullName')} required value={form.fullName} onChange={(e) => setForm({ ...form, fullName: e.currentTarget.value })} />
            <TextInput label={t('login.email')} type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.currentTarget.value })} />
          </Group>
          <Group grow>
            <PasswordInput label={t('login.password')} required value={form.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} />
            <Select label={t('admin.role')} value={form.role} allowDeselect={false} onChange={(role) => setForm({ ...form, role: (role ?? 'drafter') as Role })} data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Group>
          <ErrorAlert error={add.error} />
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('admin.newUser')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

const ORGANIZATION_KINDS: CreateOrganizationRequest['kind'][] = ['party_organization', 'fatherland_front', 'socio_political', 'retired_leaders', 'expert_group', 'public'];

/** A sub-organisation of the selected one; its level is data (grassroots, cell …), never fixed. */
function NewOrganization({ parentId }: { parentId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const empty = { code: '', name: '', level: '', kind: 'party_organization' as const, parentId };
  const [form, setForm] = useState<CreateOrganizationRequest>(empty);
  const add = useMutation({
    mutationFn: () => createOrganization({ ...form, parentId }),
    onSuccess: () => {
      setForm({ ...empty });
      return client.invalidateQueries({ queryKey: ['admin', 'subtree'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Text fw={600}>{t('admin.newOrg')}</Text>
        <Group grow>
          <TextInput label={t('documents.name')} required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />
          <TextInput label={t('admin.code')} required value={form.code} onChange={(e) => setForm({ ...form, code: e.currentTarget.value })} />
        </Group>
        <Group grow>
          <TextInput label={t('admin.level')} required placeholder="grassroots, cell…" value={form.level} onChange={(e) => setForm({ ...form, level: e.currentTarget.value })} />
          <Select
            label={t('admin.kind')}
            value={form.kind}
            allowDeselect={false}
            onChange={(kind) => setForm({ ...form, kind: (kind ?? 'party_organization') as CreateOrganizationRequest['kind'] })}
            data={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`admin.kinds.${kind}`) }))}
          />
        </Group>
        <ErrorAlert error={add.error} />
        <Group>
          <Button type="submit" variant="default" loading={add.isPending}>
            {t('admin.newOrg')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
