import { Alert, Anchor, Avatar, Badge, Button, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { useDocumentApprovals } from '../../approvals/queries/approvals-queries';
import { useMe } from '../../auth/queries/auth-queries';
import { DocumentState } from '../../documents/components/DocumentState';
import { documentKeys, useDocumentSummary } from '../../documents/queries/documents-queries';
import { exportDocx } from '../../documents/services/documents-service';
import type { CollabState } from '../services/collab-session';
import type { Outline } from '../services/outline';
import { userColor } from '../services/user-color';
import { CollaborativeEditor, OutlinePanel, type Presence } from './CollaborativeEditor';

/** Why the document is read-only for this user, in plain words; null when editable. */
function useReadOnlyReason(documentId: string, collab: CollabState | null): string | null {
  const { t } = useTranslation();
  const me = useMe();
  const document = useDocumentSummary(documentId);
  if (!document.data || !me.data) return null;
  if (document.data.approvedVersionId) return t('editor.readOnlyApproved');
  if (document.data.lockedVersionId) return t('editor.readOnlyLocked');
  const roles = me.data.memberships.filter((m) => m.organizationId === document.data.organizationId);
  if (!roles.some((m) => m.role === 'drafter')) {
    const role = roles[0]?.role ?? me.data.memberships.find((m) => m.role === 'approver')?.role ?? 'approver';
    return t('editor.readOnlyRole', { role: t(`roles.${role}`) });
  }
  if (collab?.scope === 'readonly') return t('editor.readOnlyServer');
  return null;
}

export default function EditorPage() {
  const { documentId = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const document = useDocumentSummary(documentId);
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const [collab, setCollab] = useState<CollabState | null>(null);
  const shown = useRef<CollabState | null>(null);
  const hold = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The page follows the connection coarsely: saving or saved (not the count of unsaved changes),
  // and "saved" only after a short pause, so that typing does not re-render the page (and make
  // the indicator flicker) on every keystroke.
  const onState = useCallback((next: CollabState) => {
    const apply = () =>
      setCollab((previous) => {
        const value = previous && sameCoarseState(previous, next) ? previous : next;
        shown.current = value;
        return value;
      });
    clearTimeout(hold.current);
    if (next.unsynced === 0 && (shown.current?.unsynced ?? 0) > 0) hold.current = setTimeout(apply, 700);
    else apply();
  }, []);
  useEffect(() => () => clearTimeout(hold.current), []);
  const [people, setPeople] = useState<Presence[]>([]);
  const [outline, setOutline] = useState<Outline | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const jumpRef = useRef<((blockId: string) => void) | null>(null);
  const readOnlyReason = useReadOnlyReason(documentId, collab);
  // a decision of the committee changes what the drafters may do: follow it while the page is open
  const approvals = useDocumentApprovals(documentId, 5_000);
  const approvalsSignature = JSON.stringify(approvals.data?.map((a) => [a.id, a.status]) ?? []);
  useEffect(() => {
    if (approvals.data) void queryClient.invalidateQueries({ queryKey: documentKeys.summary(documentId), exact: true });
  }, [approvalsSignature, documentId, queryClient]); // eslint-disable-line react-hooks/exhaustive-deps
  // reconnected read-only (the document was sent for approval): learn why at once
  useEffect(() => {
    if (collab?.scope) void queryClient.invalidateQueries({ queryKey: documentKeys.summary(documentId), exact: true });
  }, [collab?.scope, documentId, queryClient]);
  const jump = useCallback(
    (blockId: string) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('section', blockId);
          return next;
        },
        { replace: true },
      );
      jumpRef.current?.(blockId);
    },
    [setParams],
  );
  // the section the page opened at (later jumps change the URL, not the open editor)
  const [initialSection] = useState(() => params.get('section'));
  const user = useMemo(() => (me.data ? { id: me.data.id, name: me.data.fullName, color: userColor(me.data.id) } : null), [me.data]);

  // the collaboration connection opens at once, alongside the document's details (the document
  // is read-only until they say the user may edit it)
  if (me.isLoading) return <Loading />;
  if (document.error || !user) return <ErrorAlert error={document.error ?? me.error} onReload={() => void document.refetch()} />;
  const details = document.data;

  const saving = (collab?.unsynced ?? 0) > 0;
  const offline = !!collab && (!collab.online || (collab.wasConnected && collab.status !== 'connected'));
  const unique = [...new Map(people.map((p) => [p.id, p])).values()];

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Title order={1} size="h3" lineClamp={2}>
            {details?.title}
          </Title>
          <Group gap="xs">
            <Text size="sm" c="gray.7">
              {details && `${t(`kinds.${details.kind}`)} · ${details.term}`}
            </Text>
            {details && <DocumentState document={details} />}
            {readOnlyReason ? (
              <Badge color="gray.8">{t('editor.readOnly')}</Badge>
            ) : (
              <Text size="sm" fw={600} c={saving ? 'orange.9' : 'green.9'} role="status" aria-live="polite" data-testid="save-state">
                {offline ? '' : saving ? t('editor.saving') : collab?.synced ? t('editor.saved') : t('editor.connecting')}
              </Text>
            )}
          </Group>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Tooltip.Group>
            <Avatar.Group role="group" aria-label={t('editor.present')} data-testid="presence">
              {unique.map((p) => (
                <Tooltip key={p.id} label={`${p.name}${p.self ? ` ${t('editor.you')}` : ''}`}>
                  <Avatar size="md" radius="xl" color={p.color} variant="filled" style={{ background: p.color }} aria-label={p.name} data-presence-name={p.name}>
                    {initials(p.name)}
                  </Avatar>
                </Tooltip>
              ))}
            </Avatar.Group>
          </Tooltip.Group>
          <Button component={Link} to={`/documents/${documentId}/versions`} variant="default" size="sm">
            {t('editor.versions')}
          </Button>
          <Button component={Link} to={`/documents/${documentId}/approval`} variant="default" size="sm">
            {t('editor.approval')}
          </Button>
          <Button variant="default" size="sm" onClick={() => exportDocx(documentId).then(() => setExportError(null), setExportError)}>
            {t('editor.export')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={exportError} />
      {offline && (
        <Alert color="orange" variant="filled" role="alert" data-testid="offline-warning">
          {t('editor.offline')}
        </Alert>
      )}
      {readOnlyReason && (
        <Alert color="gray" variant="light" title={t('editor.readOnly')} data-testid="readonly-reason">
          {readOnlyReason}{' '}
          {details?.lockedVersionId && (
            <Anchor component={Link} to={`/documents/${documentId}/approval`}>
              {t('editor.approval')}
            </Anchor>
          )}
        </Alert>
      )}
      <div className="vk-editor-layout">
        <CollaborativeEditor
          documentId={documentId}
          user={user}
          readOnly={!details || !!readOnlyReason}
          onState={onState}
          onPresence={setPeople}
          onOutline={setOutline}
          section={initialSection}
          jumpRef={jumpRef}
          status={
            offline ? (
              <Badge color="orange.9" variant="filled" ml="auto" style={{ textTransform: 'none' }}>
                {t('editor.offlineShort')}
              </Badge>
            ) : (
              <Text size="sm" fw={600} ml="auto" c={saving ? 'orange.9' : 'green.9'} aria-hidden="true">
                {saving ? t('editor.saving') : collab?.synced ? t('editor.saved') : ''}
              </Text>
            )
          }
        />
        <Paper withBorder p="sm" className="vk-outline">
          <OutlinePanel outline={outline} onJump={jump} />
        </Paper>
      </div>
    </Stack>
  );
}

const sameCoarseState = (a: CollabState, b: CollabState): boolean =>
  a.status === b.status &&
  a.scope === b.scope &&
  a.synced === b.synced &&
  a.online === b.online &&
  a.wasConnected === b.wasConnected &&
  a.localLoaded === b.localLoaded &&
  a.unsynced > 0 === b.unsynced > 0;

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(-2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
