import { List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import type { ImportReport } from '../types/import-report';

/** What the import kept (headings …), what it warns about, and what it could not keep. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="import-report">
      <Title order={2} size="h3">
        {t('documents.report')}
      </Title>
      <Text fw={600}>{t('documents.kept')}</Text>
      <List size="sm">
        {report.kept.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
      {report.warnings.length > 0 && (
        <>
          <Text fw={600}>{t('documents.warnings')}</Text>
          <List size="sm">
            {report.warnings.map((warning, index) => (
              <List.Item key={index}>
                {warning.message}
                {warning.where ? ` — ${warning.where}` : ''}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {report.lost.length > 0 && (
        <>
          <Text fw={600}>{t('documents.lost')}</Text>
          <Table>
            <Table.Tbody>
              {report.lost.map((lost) => (
                <Table.Tr key={lost.kind}>
                  <Table.Td>{lost.kind}</Table.Td>
                  <Table.Td>{formatNumber(lost.count)}</Table.Td>
                  <Table.Td>{lost.sample}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
