import { Button, Paper, Stack, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { organizationsWithRole, useMe } from '../../auth/queries/auth-queries';
import { useCreateDocument } from '../queries/documents-queries';
import { DocumentFields, emptyDocumentFields } from './DocumentFields';

export default function CreateDocumentPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [typed, setFields] = useState(() => emptyDocumentFields());
  // the first organisation the user drafts for, until another is chosen
  const fields = { ...typed, organizationId: typed.organizationId || (organizationsWithRole(me.data, 'drafter')[0]?.id ?? '') };
  const create = useCreateDocument();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // the form keeps what was typed when the request fails
    create.mutate(fields, { onSuccess: (document) => void navigate(`/documents/${document.id}`) });
  };
  return (
    <Paper withBorder p="lg" maw={640}>
      {/* the server checks the fields and answers in the user's language, field by field */}
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('documents.createTitle')}
          </Title>
          <DocumentFields value={fields} onChange={setFields} />
          <ErrorAlert error={create.error} />
          <Button type="submit" loading={create.isPending}>
            {t('documents.createSubmit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
