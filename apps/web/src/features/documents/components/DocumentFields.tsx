import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, type CreateDocumentRequest, type DocumentKind } from '../../../lib/api-types';
import { organizationsWithRole, useMe } from '../../auth/queries/auth-queries';

/** The fields of a new document: which organisation owns it, its kind, title and term. */
export function DocumentFields({ value, onChange }: { value: CreateDocumentRequest; onChange: (next: CreateDocumentRequest) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const organizations = organizationsWithRole(me.data, 'drafter');
  return (
    <>
      <Select
        label={t('documents.organization')}
        required
        value={value.organizationId || null}
        onChange={(organizationId) => onChange({ ...value, organizationId: organizationId ?? '' })}
        data={organizations.map((o) => ({ value: o.id, label: o.name }))}
      />
      <Select
        label={t('documents.kind')}
        required
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind: (kind ?? 'political_report') as DocumentKind })}
        data={DOCUMENT_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
      />
      <TextInput label={t('documents.name')} required value={value.title} onChange={(e) => onChange({ ...value, title: e.currentTarget.value })} />
      <TextInput label={t('documents.term')} required placeholder="2025–2030" value={value.term} onChange={(e) => onChange({ ...value, term: e.currentTarget.value })} />
    </>
  );
}

export const emptyDocumentFields = (organizationId = ''): CreateDocumentRequest => ({ organizationId, kind: 'political_report', title: '', term: '2025–2030' });
