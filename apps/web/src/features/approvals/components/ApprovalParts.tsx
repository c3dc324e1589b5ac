import { Badge, List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../lib/api-types';
import { formatDateTime } from '../../../lib/format';
import type { ApprovalRequest, ApprovalStatus } from '../types/approval';

const statusColor: Record<ApprovalStatus, string> = { pending: 'orange.9', approved: 'green.9', changes_requested: 'red.9', withdrawn: 'gray.8', superseded: 'gray.8' };

export function ApprovalStatusBadge({ status }: { status: ApprovalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} data-testid="approval-status" data-status={status}>
      {t(`approval.s_${status}`)}
    </Badge>
  );
}

export function Tally({ request }: { request: ApprovalRequest }) {
  const { t } = useTranslation();
  const { tally } = request;
  return (
    <div data-testid="tally">
      <Text fw={600}>
        {t(`approval.rule_${tally.rule}`)} —{' '}
        {t('approval.tally', { approvals: tally.approvals, required: tally.required, approvers: tally.approvers, changes: tally.changeRequests })}
      </Text>
      {tally.waitingFor.length > 0 && request.status === 'pending' && (
        <Text size="sm" c="gray.7">
          {t('approval.waitingFor', { count: tally.waitingFor.length })}
        </Text>
      )}
    </div>
  );
}

export function Decisions({ request }: { request: ApprovalRequest }) {
  const { t } = useTranslation();
  if (request.decisions.length === 0) return null;
  return (
    <Table>
      <Table.Tbody>
        {request.decisions.map((d) => (
          <Table.Tr key={`${d.approverId}-${d.decidedAt}`}>
            <Table.Td>{d.approverName}</Table.Td>
            <Table.Td>
              {t(`approval.decided_${d.decision}`)} {d.withdrawnAt ? t('approval.withdrawn') : ''}
            </Table.Td>
            <Table.Td>{d.remarks}</Table.Td>
            <Table.Td>{formatDateTime(d.decidedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Every step of the document's history: who, when, what. */
export function HistoryList({ entries }: { entries: HistoryEntry[] }) {
  return (
    <List spacing={4} size="sm" data-testid="history">
      {entries.map((entry) => (
        <List.Item key={entry.id}>
          <Text span size="sm" c="gray.7">
            {formatDateTime(entry.occurredAt)}
          </Text>{' '}
          <Text span fw={600}>
            {entry.actor?.name ?? '—'}
          </Text>{' '}
          <code>{entry.action}</code>
          {typeof entry.payload['remarks'] === 'string' && entry.payload['remarks'] ? ` — “${entry.payload['remarks']}”` : ''}
          {typeof entry.payload['label'] === 'string' ? ` — ${entry.payload['label']}` : ''}
        </List.Item>
      ))}
    </List>
  );
}
