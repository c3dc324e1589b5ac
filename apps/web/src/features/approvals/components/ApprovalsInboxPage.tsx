import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { formatDate } from '../../../lib/format';
import { useInbox } from '../queries/approvals-queries';

export default function ApprovalsInboxPage() {
  const { t } = useTranslation();
  const inbox = useInbox();
  return (
    <Stack>
      <Title order={1}>{t('approval.inbox')}</Title>
      <ErrorAlert error={inbox.error} />
      {inbox.isLoading && <Loading />}
      {inbox.data?.length === 0 && <Text>{t('approval.inboxEmpty')}</Text>}
      <Table striped>
        <Table.Tbody>
          {inbox.data?.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/approvals/${r.id}`}>
                  {r.documentTitle} — {r.versionLabel}
                </Anchor>
              </Table.Td>
              <Table.Td>{r.committee.name}</Table.Td>
              <Table.Td>{formatDate(r.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
