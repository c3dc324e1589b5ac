import { Anchor, Button, Checkbox, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { formatDateTime } from '../../../lib/format';
import { useDocument, useFreezeVersion, useVersions } from '../../documents/queries/documents-queries';
import { exportDocx } from '../../documents/services/documents-service';
import { ImportIntoDocument } from '../../documents/components/ImportIntoDocument';

export default function VersionsPage() {
  const { documentId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const document = useDocument(documentId);
  const versions = useVersions(documentId);
  const freeze = useFreezeVersion(documentId);
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [exportError, setExportError] = useState<unknown>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    freeze.mutate(label.trim() || undefined, {
      onSuccess: () => {
        setLabel('');
        setOpen(false);
      },
    });
  };
  const toggle = (id: string) => setPicked((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current.slice(-1), id]));
  const sorted = [...(versions.data ?? [])].sort((a, b) => b.number - a.number);
  const compare = () => {
    const [a, b] = picked;
    const number = (id: string) => (id === 'live' ? Number.POSITIVE_INFINITY : (sorted.find((v) => v.id === id)?.number ?? 0));
    const [from, to] = number(a) < number(b) ? [a, b] : [b, a];
    void navigate(`/documents/${documentId}/diff?from=${from}&to=${to}`);
  };
  const locked = !!(document.data?.lockedVersionId || document.data?.approvedVersionId);
  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Anchor component={Link} to={`/documents/${documentId}`} size="sm">
            ← {document.data?.title}
          </Anchor>
          <Title order={1} size="h2">
            {t('versions.title')}
          </Title>
        </div>
        <Group>
          <Button variant="default" disabled={picked.length !== 2} onClick={compare}>
            {t('versions.compare')}
          </Button>
          <ImportIntoDocument documentId={documentId} disabled={locked} />
          <Button onClick={() => setOpen(true)} disabled={locked}>
            {t('versions.freeze')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={versions.error ?? exportError} />
      {versions.isLoading && <Loading />}
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('versions.compare')}</Table.Th>
            <Table.Th>{t('versions.number')}</Table.Th>
            <Table.Th>{t('versions.label')}</Table.Th>
            <Table.Th>{t('versions.frozenAt')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>
              <Checkbox aria-label={`${t('versions.compare')}: ${t('versions.live')}`} checked={picked.includes('live')} onChange={() => toggle('live')} />
            </Table.Td>
            <Table.Td>—</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/documents/${documentId}`}>
                {t('versions.live')}
              </Anchor>
            </Table.Td>
            <Table.Td />
            <Table.Td>
              <Button size="compact-sm" variant="subtle" onClick={() => exportDocx(documentId).then(() => setExportError(null), setExportError)}>
                {t('editor.export')}
              </Button>
            </Table.Td>
          </Table.Tr>
          {sorted.map((version) => (
            <Table.Tr key={version.id} data-testid="version-row">
              <Table.Td>
                <Checkbox aria-label={`${t('versions.compare')}: ${version.label}`} checked={picked.includes(version.id)} onChange={() => toggle(version.id)} />
              </Table.Td>
              <Table.Td>{version.number}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/documents/${documentId}/versions/${version.id}`}>
                  {version.label}
                </Anchor>
              </Table.Td>
              <Table.Td>{formatDateTime(version.frozenAt)}</Table.Td>
              <Table.Td>
                <Button size="compact-sm" variant="subtle" onClick={() => exportDocx(documentId, version.id).then(() => setExportError(null), setExportError)}>
                  {t('editor.export')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {versions.data?.length === 0 && <Text>{t('versions.empty')}</Text>}
      <Modal opened={open} onClose={() => setOpen(false)} title={t('versions.freeze')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <form onSubmit={submit}>
          <Stack>
            <TextInput label={t('versions.label')} description={t('versions.labelHint')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} data-autofocus />
            <ErrorAlert error={freeze.error} onReload={() => void versions.refetch()} />
            <Button type="submit" loading={freeze.isPending}>
              {t('versions.freeze')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
