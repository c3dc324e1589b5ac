import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { formatDateTime } from '../../../lib/format';
import { useDocument, useVersion } from '../../documents/queries/documents-queries';
import { exportDocx } from '../../documents/services/documents-service';
import { ReadOnlyDocument } from './ReadOnlyDocument';

export default function VersionPage() {
  const { documentId = '', versionId = '' } = useParams();
  const { t } = useTranslation();
  const document = useDocument(documentId);
  const version = useVersion(versionId);
  const [exportError, setExportError] = useState<unknown>(null);
  if (version.isLoading) return <Loading />;
  if (!version.data) return <ErrorAlert error={version.error} />;
  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Anchor component={Link} to={`/documents/${documentId}/versions`} size="sm">
            ← {document.data?.title}
          </Anchor>
          <Title order={1} size="h2">
            {version.data.label}
          </Title>
          <Text size="sm" c="gray.7">
            {formatDateTime(version.data.frozenAt)}
          </Text>
        </div>
        <Button variant="default" onClick={() => exportDocx(documentId, versionId).then(() => setExportError(null), setExportError)}>
          {t('editor.export')}
        </Button>
      </Group>
      <ErrorAlert error={exportError} />
      <Alert color="gray">{t('versions.readOnly')}</Alert>
      <ReadOnlyDocument content={version.data.content} />
    </Stack>
  );
}
