import { Anchor, Badge, Button, Card, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { ROLES, type Account, type CreateOrganizationRequest, type CreateUserRequest, type Role } from '../../../lib/api-types';
import { organizationsWithRole, useMe } from '../../auth/queries/auth-queries';
import { ACCOUNTS_PAGE, createOrganization, createUser, grantRole, memberships, revokeRole, rootHolding, searchAccounts, subtree, toTree, type TreeNode } from '../services/admin-service';

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
  // accounts are looked for in the whole subtree the admin administers that holds the organisation
  const searchRoot = selected ? rootHolding(trees.map((q, i) => ({ rootId: roots[i].id, organizations: q.data ?? [] })), selected.id) : undefined;
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
              <Accounts organizationId={selected.id} name={selected.name} searchRoot={searchRoot ?? selected.id} />
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
  const { t } = useTranslation();
  return (
    <ul style={{ listStyle: 'none', paddingLeft: '1rem', margin: 0 }}>
      {nodes.map((node) => (
        <li key={node.id}>
          <Anchor component={Link} to={`/admin/organizations/${node.id}`} fw={node.id === selected ? 700 : 400} aria-current={node.id === selected ? 'page' : undefined}>
            {node.name}
          </Anchor>{' '}
          <Badge size="xs" variant="outline" color="gray.8">
            {/* levels are data: the known ones by their names, any other as it is stored */}
            {t(`levels.${node.level}`, { defaultValue: node.level })}
          </Badge>
          {node.children.length > 0 && <Tree nodes={node.children} selected={selected} />}
        </li>
      ))}
    </ul>
  );
}

function Accounts({ organizationId, name, searchRoot }: { organizationId: string; name: string; searchRoot: string }) {
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
  const [granting, setGranting] = useState(false);
  const [grantedNote, setGrantedNote] = useState('');
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
                <Button size="compact-xs" variant="subtle" color="red.9" c="red.9" onClick={() => revoke.mutate(m.id)} aria-label={`${t('admin.revoke')}: ${m.fullName} (${t(`roles.${m.role}`)})`}>
                  {t('admin.revoke')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button variant="default" onClick={() => setGranting(true)}>
          {t('admin.grantExisting')}
        </Button>
        <Text size="sm" role="status" data-testid="granted-note">
          {grantedNote}
        </Text>
      </Group>
      <GrantRoleDialog
        opened={granting}
        onClose={() => setGranting(false)}
        organizationId={organizationId}
        name={name}
        searchRoot={searchRoot}
        onGranted={(account, role) => {
          setGranting(false);
          setGrantedNote(t('admin.granted', { role: t(`roles.${role}`), name: account.fullName }));
          return client.invalidateQueries({ queryKey: key });
        }}
      />
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

/**
 * A role in the selected organisation for an account that exists: found by name or e-mail
 * among the accounts of the admin's subtree (the API lists no other), a page at a time. The
 * API's refusals (a self-grant; a deciding role the settings reserve to a higher level; a role
 * already held) are shown by their code, with what to do next; what was chosen stays.
 */
function GrantRoleDialog({
  opened,
  onClose,
  organizationId,
  name,
  searchRoot,
  onGranted,
}: {
  opened: boolean;
  onClose: () => void;
  organizationId: string;
  name: string;
  searchRoot: string;
  onGranted: (account: Account, role: Role) => unknown;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);
  const [offset, setOffset] = useState(0);
  const [chosen, setChosen] = useState<Account | null>(null);
  const [role, setRole] = useState<Role>('clerk');
  const found = useQuery({
    queryKey: ['admin', 'accounts', searchRoot, debounced, offset],
    queryFn: () => searchAccounts(searchRoot, debounced, offset),
    enabled: opened,
    placeholderData: keepPreviousData,
  });
  const grant = useMutation({
    mutationFn: () => grantRole(organizationId, { userId: chosen!.id, role }),
    onSuccess: () => {
      const account = chosen!;
      setChosen(null);
      setQuery('');
      setOffset(0);
      return onGranted(account, role);
    },
  });
  const total = found.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / ACCOUNTS_PAGE));
  const page = Math.floor(offset / ACCOUNTS_PAGE) + 1;
  return (
    <Modal opened={opened} onClose={onClose} title={t('admin.grantTitle', { name })} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (chosen) grant.mutate();
        }}
      >
        <Stack gap="xs">
          <TextInput
            label={t('admin.search')}
            description={t('admin.searchHint')}
            value={query}
            onChange={(e) => {
              setQuery(e.currentTarget.value);
              setOffset(0);
            }}
            data-autofocus
          />
          <ErrorAlert error={found.error} />
          <Text size="sm" role="status" aria-live="polite">
            {found.data ? (total === 0 ? t('admin.noneFound') : t('admin.found', { count: total })) : ''}
          </Text>
          <Table data-testid="account-results">
            <Table.Tbody>
              {found.data?.items.map((account) => (
                <Table.Tr key={account.id} aria-selected={chosen?.id === account.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {account.fullName}
                    </Text>
                    <Text size="xs">{account.email}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {t('admin.holds')}: {account.roles.map((r) => `${t(`roles.${r.role}`)} — ${r.organizationName}`).join('; ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant={chosen?.id === account.id ? 'filled' : 'default'}
                      aria-pressed={chosen?.id === account.id}
                      aria-label={`${t('admin.choose')}: ${account.fullName} (${account.email})`}
                      onClick={() => {
                        // a refusal said about the previous choice no longer applies
                        grant.reset();
                        setChosen(account);
                      }}
                    >
                      {chosen?.id === account.id ? t('admin.chosen') : t('admin.choose')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {pages > 1 && (
            <Group gap="xs">
              <Button size="compact-sm" variant="default" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - ACCOUNTS_PAGE))}>
                {t('admin.previous')}
              </Button>
              <Text size="sm">{t('admin.page', { page, pages })}</Text>
              <Button size="compact-sm" variant="default" disabled={page >= pages} onClick={() => setOffset(offset + ACCOUNTS_PAGE)}>
                {t('admin.next')}
              </Button>
            </Group>
          )}
          <Select label={t('admin.role')} value={role} allowDeselect={false} onChange={(value) => {
              grant.reset();
              setRole((value ?? 'clerk') as Role);
            }} data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          <ErrorAlert error={grant.error} />
          <Group>
            <Button type="submit" disabled={!chosen} loading={grant.isPending}>
              {chosen ? `${t('admin.grant')}: ${chosen.fullName}` : t('admin.grant')}
            </Button>
            <Button variant="subtle" onClick={onClose}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
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
          <TextInput label={t('admin.orgName')} required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />
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
