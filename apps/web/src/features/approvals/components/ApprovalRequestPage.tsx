import { Anchor, Button, Card, Group, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { formatDateTime } from '../../../lib/format';
import { useMe } from '../../auth/queries/auth-queries';
import { useHistory, useVersion, useVersions } from '../../documents/queries/documents-queries';
import { ReadOnlyDocument } from '../../versions/components/ReadOnlyDocument';
import { useApproval, useDecide, useDocumentApprovals, useWithdraw } from '../queries/approvals-queries';
import { previousSentVersion } from '../services/approvals-service';
import { ApprovalStatusBadge, Decisions, HistoryList, Tally } from './ApprovalParts';

/** The approver's view: the version sent, its diff from the previous one, the tally, the decision. */
export default function ApprovalRequestPage() {
  const { requestId = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const request = useApproval(requestId);
  const documentId = request.data?.documentId ?? '';
  const all = useDocumentApprovals(documentId);
  const version = useVersion(request.data?.versionId);
  const versions = useVersions(documentId);
  const history = useHistory(documentId);
  const decide = useDecide(requestId);
  const withdraw = useWithdraw(requestId);
  const [remarks, setRemarks] = useState('');
  const [remarksError, setRemarksError] = useState(false);
  if (request.isLoading) return <Loading />;
  if (!request.data) return <ErrorAlert error={request.error} />;
  const r = request.data;
  // compared with the version sent before (approved first), else the version frozen before it
  const previous =
    (all.data ? previousSentVersion(all.data, r) : null) ??
    [...(versions.data ?? [])].filter((v) => v.number < r.versionNumber).sort((a, b) => b.number - a.number)[0]?.id ??
    null;
  const mine = r.decisions.find((d) => d.approverId === me.data?.id && !d.withdrawnAt);
  const isApprover = !!me.data?.memberships.some((m) => m.organizationId === r.committee.id && m.role === 'approver');
  const submit = (decision: 'approve' | 'request_changes') => {
    if (decision === 'request_changes' && !remarks.trim()) {
      setRemarksError(true);
      return;
    }
    setRemarksError(false);
    decide.mutate({ decision, remarks: remarks.trim() || undefined }, { onSuccess: () => setRemarks('') });
  };
  return (
    <Stack>
      <div>
        <Anchor component={Link} to={`/documents/${r.documentId}`} size="sm">
          ← {r.documentTitle}
        </Anchor>
        <Group gap="sm">
          <Title order={1} size="h2">
            {r.versionLabel} — {r.committee.name}
          </Title>
          <ApprovalStatusBadge status={r.status} />
        </Group>
        <Text size="sm" c="gray.7">
          {t('approval.stage', { stage: r.stage, stages: r.stages })} · {r.requestedBy?.name} · {formatDateTime(r.createdAt)}
        </Text>
        {r.message && <Text>“{r.message}”</Text>}
      </div>
      <Card withBorder>
        <Stack gap="xs">
          <Tally request={r} />
          <Decisions request={r} />
          {isApprover && r.status === 'pending' && !mine && (
            <>
              <Textarea
                label={t('approval.remarks')}
                value={remarks}
                onChange={(e) => setRemarks(e.currentTarget.value)}
                error={remarksError ? t('approval.remarksRequired') : undefined}
                autosize
                minRows={2}
              />
              <ErrorAlert error={decide.error} onReload={() => void request.refetch()} />
              <Group>
                <Button color="green.9" onClick={() => submit('approve')} loading={decide.isPending}>
                  {t('approval.approve')}
                </Button>
                <Button color="red.9" variant="outline" onClick={() => submit('request_changes')} loading={decide.isPending}>
                  {t('approval.requestChanges')}
                </Button>
              </Group>
            </>
          )}
          {isApprover && r.status === 'pending' && mine && (
            <Group>
              <ErrorAlert error={withdraw.error} />
              <Button variant="subtle" onClick={() => withdraw.mutate('decision')}>
                {t('approval.withdrawDecision')}
              </Button>
            </Group>
          )}
        </Stack>
      </Card>
      <Tabs value={params.get('tab') ?? 'version'} onChange={(tab) => setParams({ tab: tab ?? 'version' }, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="version">{t('approval.viewVersion')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('approval.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="version" pt="sm">
          {previous && (
            <Button component={Link} to={`/documents/${r.documentId}/diff?from=${previous}&to=${r.versionId}`} variant="default" mb="sm">
              {t('approval.viewDiff')}
            </Button>
          )}
          {version.data && <ReadOnlyDocument content={version.data.content} />}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="sm">
          {history.data && <HistoryList entries={history.data} />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
