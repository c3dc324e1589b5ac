import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-error';

/**
 * An API error in the user's language: the API's message (already in the language asked), what
 * to do next (chosen by the error's code), the request id small for support, and for a 409 an
 * offer to reload what changed.
 */
export function ErrorAlert({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const code = apiError?.code ?? 'default';
  const nextKey = `errors.next.${code}`;
  const next = i18n.exists(nextKey) ? t(nextKey) : t('errors.next.default');
  const message = apiError ? (apiError.code === 'NETWORK' ? '' : apiError.message) : String((error as Error)?.message ?? error);
  return (
    <Alert color="red" title={apiError?.isConflict ? t('errors.conflict') : t('errors.title')} role="alert" data-error-code={code}>
      {message && <Text size="sm">{message}</Text>}
      {Array.isArray(apiError?.details) &&
        (apiError.details as { field?: string; reasons?: string[] }[])
          .filter((d) => d.field)
          .map((d) => (
            <Text size="sm" key={d.field}>
              {d.field}: {(d.reasons ?? []).join('; ')}
            </Text>
          ))}
      <Text size="sm" fw={600}>
        {next}
      </Text>
      {apiError?.isConflict && onReload && (
        <Group mt="xs">
          <Button size="xs" variant="white" color="red" onClick={onReload}>
            {t('errors.reloadChanged')}
          </Button>
        </Group>
      )}
      {apiError?.requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('errors.requestId', { id: apiError.requestId })}
        </Text>
      )}
    </Alert>
  );
}
