import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../lib/api-types';

export function DocumentState({ document }: { document: Pick<DocumentSummary, 'approvedVersionId' | 'lockedVersionId'> }) {
  const { t } = useTranslation();
  if (document.approvedVersionId) return <Badge color="green.9">{t('documents.stateApproved')}</Badge>;
  if (document.lockedVersionId) return <Badge color="orange.9">{t('documents.stateLocked')}</Badge>;
  return (
    <Badge color="blue.9" variant="outline">
      {t('documents.stateDraft')}
    </Badge>
  );
}
