import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function ExpiredPage() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Paper withBorder p="xl" w={520} maw="100%">
        <Stack>
          <Title order={1} size="h2">
            {t('expired.title')}
          </Title>
          <Text>{t('expired.body')}</Text>
          <Button component={Link} to="/login">
            {t('expired.again')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
