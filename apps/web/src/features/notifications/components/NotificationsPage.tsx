import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { formatDateTime } from '../../../lib/format';
import { useMarkRead, useNotifications } from '../queries/notifications-queries';
import { notificationLink } from '../services/notifications-service';

export function NotificationsPage() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const mark = useMarkRead();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('notifications.title')}</Title>
        <Button variant="default" onClick={() => mark.mutate('all')} loading={mark.isPending}>
          {t('notifications.readAll')}
        </Button>
      </Group>
      <ErrorAlert error={notifications.error ?? mark.error} />
      {notifications.isLoading && <Loading />}
      {notifications.data?.length === 0 && <Text>{t('notifications.empty')}</Text>}
      <Table>
        <Table.Tbody>
          {notifications.data?.map((item) => (
            <Table.Tr key={item.id} fw={item.readAt ? 400 : 700}>
              <Table.Td w={150}>{formatDateTime(item.createdAt)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={notificationLink(item)} onClick={() => !item.readAt && mark.mutate(item.id)}>
                  {item.message}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
