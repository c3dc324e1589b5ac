import { Button, FileInput, Paper, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { organizationsWithRole, useMe } from '../../auth/queries/auth-queries';
import { documentKeys } from '../queries/documents-queries';
import { importNewDocument } from '../services/documents-service';
import { DocumentFields, emptyDocumentFields } from './DocumentFields';
import { ImportReportView } from './ImportReportView';

export default function ImportDocumentPage() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const [typed, setFields] = useState(() => emptyDocumentFields());
  // the first organisation the user drafts for, until another is chosen
  const fields = { ...typed, organizationId: typed.organizationId || (organizationsWithRole(me.data, 'drafter')[0]?.id ?? '') };
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({ mutationFn: () => importNewDocument(file!, fields), onSuccess: () => client.invalidateQueries({ queryKey: documentKeys.all }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate();
  };
  return (
    <Stack maw={760}>
      <Paper withBorder p="lg">
        <form onSubmit={submit}>
          <Stack>
            <Title order={1} size="h2">
              {t('documents.importTitle')}
            </Title>
            <FileInput label={t('documents.file')} required accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" value={file} onChange={setFile} clearable />
            <DocumentFields value={fields} onChange={setFields} />
            <ErrorAlert error={upload.error} />
            <Button type="submit" loading={upload.isPending} disabled={!file}>
              {t('documents.importSubmit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      {upload.data && (
        <Paper withBorder p="lg">
          <ImportReportView report={upload.data.report} />
          <Button mt="md" component={Link} to={`/documents/${upload.data.document.id}`}>
            {t('documents.open')}
          </Button>
        </Paper>
      )}
    </Stack>
  );
}
