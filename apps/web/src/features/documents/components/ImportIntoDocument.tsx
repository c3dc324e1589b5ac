import { Alert, Button, FileInput, Modal, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { documentKeys } from '../queries/documents-queries';
import { importIntoDocument } from '../services/documents-service';
import { ImportReportView } from './ImportReportView';

/** Replaces the live draft with a DOCX (open editors receive it at once) and shows the import report. */
export function ImportIntoDocument({ documentId, disabled }: { documentId: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({ mutationFn: () => importIntoDocument(documentId, file!), onSuccess: () => client.invalidateQueries({ queryKey: documentKeys.one(documentId) }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate();
  };
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)} disabled={disabled}>
        {t('documents.importInto')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('documents.importInto')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        {upload.data ? (
          <ImportReportView report={upload.data.report} />
        ) : (
          <form onSubmit={submit}>
            <Stack>
              <Alert color="orange">{t('documents.importIntoWarning')}</Alert>
              <FileInput label={t('documents.file')} required accept=".docx" value={file} onChange={setFile} clearable />
              <ErrorAlert error={upload.error} />
              <Button type="submit" disabled={!file} loading={upload.isPending}>
                {t('documents.importSubmit')}
              </Button>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
