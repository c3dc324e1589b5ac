import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { api } from '../../../lib/http';
import type { DocumentSummary } from '../../../lib/api-types';
import { formatDate } from '../../../lib/format';
import { useInbox } from '../../approvals/queries/approvals-queries';
import { hasRole, organizationsWithRole, useMe } from '../../auth/queries/auth-queries';
import { useNotifications } from '../../notifications/queries/notifications-queries';
import { notificationLink } from '../../notifications/services/notifications-service';

// What waits for this person, by role.
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const drafterOrgs = organizationsWithRole(me.data, 'drafter');
  const isApprover = hasRole(me.data, 'approver');
  const myDocuments = useQuery({
    queryKey: ['documents', 'mine', drafterOrgs.map((o) => o.id)],
    queryFn: async () => (await Promise.all(drafterOrgs.map((o) => api.get<DocumentSummary[]>('/documents', { organizationId: o.id })))).flat(),
    enabled: drafterOrgs.length > 0,
  });
  const inbox = useInbox(isApprover);
  const unread = useNotifications(true);
  return (
    <Stack>
      <Title order={1}>{t('home.greeting', { name: me.data?.fullName ?? '' })}</Title>
      <ErrorAlert error={me.error ?? myDocuments.error ?? inbox.error ?? unread.error} />
      <Group gap="xs" role="group" aria-label={t('home.memberships')}>
        {me.data?.memberships.map((m) => (
          <Badge key={`${m.organizationId}-${m.role}`} variant="outline" color="gray.8" style={{ textTransform: "none" }}>
            {t(`roles.${m.role}`)} · {m.organizationName}
          </Badge>
        ))}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {drafterOrgs.length > 0 && (
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('home.myDocuments')}
            </Title>
            {myDocuments.data?.length === 0 && <Text c="dimmed">{t('home.none')}</Text>}
            <List spacing={4}>
              {myDocuments.data?.map((d) => (
                <List.Item key={d.id}>
                  <Anchor component={Link} to={`/documents/${d.id}`}>
                    {d.title}
                  </Anchor>{' '}
                  <Text span size="sm" c="dimmed">
                    {formatDate(d.updatedAt)}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Card>
        )}
        {isApprover && (
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('home.waitingApproval')}
            </Title>
            {inbox.data?.length === 0 && <Text c="dimmed">{t('home.none')}</Text>}
            <List spacing={4}>
              {inbox.data?.map((r) => (
                <List.Item key={r.id}>
                  <Anchor component={Link} to={`/approvals/${r.id}`}>
                    {r.documentTitle} — {r.versionLabel}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Card>
        )}
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('home.unread')}
          </Title>
          {unread.data?.length === 0 && <Text c="dimmed">{t('home.none')}</Text>}
          <List spacing={4}>
            {unread.data?.slice(0, 8).map((n) => (
              <List.Item key={n.id}>
                <Anchor component={Link} to={notificationLink(n)}>
                  {n.message}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Card>
        {(hasRole(me.data, 'clerk') || hasRole(me.data, 'contributor') || drafterOrgs.length > 0) && (
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {drafterOrgs.length > 0 ? t('home.dispositions') : t('home.rounds')}
            </Title>
            <Text c="dimmed">{t('home.later')}</Text>
          </Card>
        )}
      </SimpleGrid>
    </Stack>
  );
}
