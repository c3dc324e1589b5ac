import { Anchor, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { DOCUMENT_KINDS } from '../../../lib/api-types';
import { formatDate } from '../../../lib/format';
import { hasRole, useMe } from '../../auth/queries/auth-queries';
import { useDocuments } from '../queries/documents-queries';
import { DocumentState } from './DocumentState';

// Documents by organisation, kind and term; the filters live in the URL.
export default function DocumentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const organizationId = params.get('organizationId') ?? undefined;
  const kind = params.get('kind');
  const term = params.get('term');
  const documents = useDocuments(organizationId);
  const organizations = new Map((me.data?.memberships ?? []).map((m) => [m.organizationId, m.organizationName]));
  const rows = (documents.data ?? []).filter((d) => (!kind || d.kind === kind) && (!term || d.term === term));
  const terms = [...new Set((documents.data ?? []).map((d) => d.term))].sort();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('documents.title')}</Title>
        {hasRole(me.data, 'drafter') && (
          <Group>
            <Button component={Link} to="/documents/new">
              {t('documents.create')}
            </Button>
            <Button component={Link} to="/documents/import" variant="default">
              {t('documents.import')}
            </Button>
          </Group>
        )}
      </Group>
      <Group>
        <Select
          label={t('documents.organization')}
          clearable
          placeholder={t('documents.all')}
          value={organizationId ?? null}
          onChange={(value) => set('organizationId', value)}
          data={[...organizations].map(([value, label]) => ({ value, label }))}
        />
        <Select label={t('documents.kind')} clearable placeholder={t('documents.all')} value={kind} onChange={(value) => set('kind', value)} data={DOCUMENT_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))} />
        <Select label={t('documents.term')} clearable placeholder={t('documents.all')} value={term} onChange={(value) => set('term', value)} data={terms} />
      </Group>
      <ErrorAlert error={documents.error} />
      {documents.isLoading && <Loading />}
      {documents.data && rows.length === 0 && <Text>{t('documents.empty')}</Text>}
      {rows.length > 0 && (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('documents.name')}</Table.Th>
              <Table.Th>{t('documents.kind')}</Table.Th>
              <Table.Th>{t('documents.organization')}</Table.Th>
              <Table.Th>{t('documents.term')}</Table.Th>
              <Table.Th>{t('documents.state')}</Table.Th>
              <Table.Th>{t('documents.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((document) => (
              <Table.Tr key={document.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/documents/${document.id}`}>
                    {document.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`kinds.${document.kind}`)}</Table.Td>
                <Table.Td>{organizations.get(document.organizationId) ?? ''}</Table.Td>
                <Table.Td>{document.term}</Table.Td>
                <Table.Td>
                  <DocumentState document={document} />
                </Table.Td>
                <Table.Td>{formatDate(document.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
