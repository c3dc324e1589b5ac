import { AppShell, Badge, Button, Group, Text, UnstyledButton } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Loading } from '../components/Loading';
import { hasRole, useMe } from '../features/auth/queries/auth-queries';
import { signOut } from '../features/auth/services/auth-service';
import { useNotifications } from '../features/notifications/queries/notifications-queries';
import classes from './layout.module.css';

export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const unread = useNotifications(true);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const links = [
    { to: '/', label: t('nav.home'), end: true },
    { to: '/documents', label: t('nav.documents') },
    ...(hasRole(me.data, 'approver') ? [{ to: '/approvals', label: t('nav.approvals') }] : []),
    { to: '/notifications', label: t('nav.notifications'), badge: unread.data?.length },
    ...(hasRole(me.data, 'admin') ? [{ to: '/admin', label: t('nav.admin') }] : []),
  ];
  const leave = async () => {
    await signOut().catch(() => undefined);
    queryClient.clear();
    await navigate('/login');
  };
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <a href="#main" className={classes.skip}>
        {t('app.skip')}
      </a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <UnstyledButton component={NavLink} to="/" className={classes.brand}>
              {t('app.name')}
            </UnstyledButton>
            <nav aria-label={t('nav.menu')}>
              <Group gap={4} wrap="nowrap">
                {links.map((link) => (
                  <NavLink key={link.to} to={link.to} end={link.end} className={classes.link}>
                    {link.label}
                    {link.badge ? (
                      <Badge size="sm" color="red" ml={6} circle aria-label={String(link.badge)}>
                        {link.badge}
                      </Badge>
                    ) : null}
                  </NavLink>
                ))}
              </Group>
            </nav>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" truncate maw={200} data-testid="current-user">
              {me.data?.fullName}
            </Text>
            <LanguageSwitch />
            <Button size="xs" variant="default" onClick={() => void leave()}>
              {t('nav.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
