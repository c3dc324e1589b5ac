import { Anchor, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { useMe } from '../../auth/queries/auth-queries';
import { useDocument, useHistory, useVersions } from '../../documents/queries/documents-queries';
import { approvalKeys, useDocumentApprovals, useSendForApproval } from '../queries/approvals-queries';
import { withdrawRequest } from '../services/approvals-service';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApprovalStatusBadge, Decisions, HistoryList, Tally } from './ApprovalParts';

/** The drafters' side: send the latest version, see each request's decisions and remarks, the history. */
export default function DocumentApprovalPage() {
  const { documentId = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const document = useDocument(documentId);
  const versions = useVersions(documentId);
  const requests = useDocumentApprovals(documentId);
  const history = useHistory(documentId);
  const send = useSendForApproval();
  const client = useQueryClient();
  const withdraw = useMutation({ mutationFn: withdrawRequest, onSettled: () => client.invalidateQueries({ queryKey: approvalKeys.all }) });
  const [message, setMessage] = useState('');
  const latest = [...(versions.data ?? [])].sort((a, b) => b.number - a.number)[0];
  const isDrafter = !!me.data?.memberships.some((m) => m.organizationId === document.data?.organizationId && m.role === 'drafter');
  const open = requests.data?.some((r) => r.status === 'pending');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (latest) send.mutate({ versionId: latest.id, message: message.trim() || undefined }, { onSuccess: () => setMessage('') });
  };
  return (
    <Stack>
      <div>
        <Anchor component={Link} to={`/documents/${documentId}`} size="sm">
          ← {document.data?.title}
        </Anchor>
        <Title order={1} size="h2">
          {t('approval.title')}
        </Title>
      </div>
      {isDrafter && !open && !document.data?.approvedVersionId && (
        <Card withBorder>
          <form onSubmit={submit}>
            <Stack>
              {latest ? <Text>{t('approval.sendHint', { label: latest.label })}</Text> : <Text>{t('approval.noVersion')}</Text>}
              <Textarea label={t('approval.message')} value={message} onChange={(e) => setMessage(e.currentTarget.value)} autosize minRows={2} />
              <ErrorAlert error={send.error} onReload={() => void Promise.all([versions.refetch(), requests.refetch()])} />
              <Group>
                <Button type="submit" disabled={!latest} loading={send.isPending}>
                  {t('approval.send')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
      <ErrorAlert error={requests.error} />
      <Title order={2} size="h3">
        {t('approval.requests')}
      </Title>
      {requests.data?.map((request) => (
        <Card withBorder key={request.id} data-testid="approval-request">
          <Group justify="space-between">
            <Anchor component={Link} to={`/approvals/${request.id}`} fw={600}>
              {request.committee.name} — {request.versionLabel}
            </Anchor>
            <Group gap="xs">
              <Text size="sm">{t('approval.stage', { stage: request.stage, stages: request.stages })}</Text>
              <ApprovalStatusBadge status={request.status} />
            </Group>
          </Group>
          <Text size="sm" c="gray.7">
            {request.requestedBy?.name} · {formatDateTime(request.createdAt)}
          </Text>
          {request.message && <Text size="sm">“{request.message}”</Text>}
          <Tally request={request} />
          <Decisions request={request} />
          {isDrafter && request.status === 'pending' && (
            <Group mt="xs">
              <Button variant="default" size="xs" loading={withdraw.isPending} onClick={() => withdraw.mutate(request.id)}>
                {t('approval.withdraw')}
              </Button>
              <ErrorAlert error={withdraw.error} onReload={() => void requests.refetch()} />
            </Group>
          )}
        </Card>
      ))}
      <Title order={2} size="h3">
        {t('approval.history')}
      </Title>
      <ErrorAlert error={history.error} />
      {history.data && <HistoryList entries={history.data} />}
    </Stack>
  );
}
