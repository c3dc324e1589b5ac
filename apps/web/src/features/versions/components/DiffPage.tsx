import { Anchor, Badge, Group, Select, Stack, Text, Title } from '@mantine/core';
import type { WordChange } from '@vankien/document-schema';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { getDocument, getVersion } from '../../documents/services/documents-service';
import { useDocument, useVersions } from '../../documents/queries/documents-queries';
import { alignBlocks, type AlignBlock, type DiffRow } from '../services/align-diff';
import { fetchDiff, textBlocks } from '../services/diff-service';
import classes from './diff.module.css';

const contentOf = async (documentId: string, revision: string): Promise<unknown> => (revision === 'live' ? (await getDocument(documentId)).content : (await getVersion(revision)).content);

/** Two versions side by side: blocks added, removed, moved and changed, words marked inside changed blocks. */
export default function DiffPage() {
  const { documentId = '' } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? 'live';
  const document = useDocument(documentId);
  const versions = useVersions(documentId);
  const diff = useQuery({
    queryKey: ['diff', documentId, from, to],
    enabled: !!from && !!to,
    queryFn: async () => {
      const [result, left, right] = await Promise.all([fetchDiff(documentId, from, to), contentOf(documentId, from), contentOf(documentId, to)]);
      const rows = alignBlocks(textBlocks(left), textBlocks(right), { changed: new Set(result.changed.map((c) => c.blockId)), moved: new Set(result.moved.map((m) => m.blockId)) });
      return { result, rows, words: new Map(result.changed.map((c) => [c.blockId, c.words])) };
    },
  });
  const options = [{ value: 'live', label: t('versions.live') }, ...[...(versions.data ?? [])].sort((a, b) => b.number - a.number).map((v) => ({ value: v.id, label: v.label }))];
  const set = (key: 'from' | 'to', value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    setParams(next, { replace: true });
  };
  const summary = diff.data?.result.summary;
  return (
    <Stack>
      <div>
        <Anchor component={Link} to={`/documents/${documentId}/versions`} size="sm">
          ← {document.data?.title}
        </Anchor>
        <Title order={1} size="h2">
          {t('versions.diffTitle')}
        </Title>
      </div>
      <Group>
        <Select label={t('versions.from')} value={from || null} onChange={(v) => set('from', v)} data={options} allowDeselect={false} />
        <Select label={t('versions.to')} value={to} onChange={(v) => set('to', v)} data={options} allowDeselect={false} />
      </Group>
      <ErrorAlert error={diff.error} />
      {diff.isLoading && <Loading />}
      {summary && (
        <Text fw={600} data-testid="diff-summary">
          {summary.added + summary.removed + summary.changed + summary.moved === 0
            ? t('versions.noChange')
            : t('versions.summary', { added: summary.added, removed: summary.removed, changed: summary.changed, moved: summary.moved })}
        </Text>
      )}
      {diff.data && (
        <div className={classes.grid} role="table" aria-label={t('versions.diffTitle')} data-testid="diff">
          <div role="row" className={classes.head}>
            <div role="columnheader">{options.find((o) => o.value === from)?.label}</div>
            <div role="columnheader">{options.find((o) => o.value === to)?.label}</div>
          </div>
          {diff.data.rows.map((row, index) => (
            <Row key={index} row={row} words={row.right ? diff.data.words.get(row.right.blockId) : undefined} />
          ))}
        </div>
      )}
    </Stack>
  );
}

function Row({ row, words }: { row: DiffRow; words: WordChange[] | undefined }) {
  const { t } = useTranslation();
  const label = row.kind === 'same' ? null : t(`versions.${row.kind}`);
  return (
    <div role="row" className={`${classes.row} ${classes[row.kind]}`} data-kind={row.kind}>
      <div role="cell" className={classes.cell}>
        {row.left && <Block block={row.left} words={row.kind === 'changed' ? words : undefined} side="left" />}
      </div>
      <div role="cell" className={classes.cell}>
        {row.right && <Block block={row.right} words={row.kind === 'changed' ? words : undefined} side="right" />}
        {label && (
          <Badge size="xs" className={classes.badge} color={row.kind === 'added' ? 'green.9' : row.kind === 'removed' ? 'red.9' : row.kind === 'moved' ? 'blue.9' : 'orange.9'}>
            {label}
            {row.moved && row.kind === 'changed' ? ` · ${t('versions.moved')}` : ''}
          </Badge>
        )}
      </div>
    </div>
  );
}

function Block({ block, words, side }: { block: AlignBlock; words: WordChange[] | undefined; side: 'left' | 'right' }) {
  const heading = block.type === 'heading' || block.type === 'title';
  const text = words
    ? words
        .filter((w) => w.kind === 'equal' || (side === 'left' ? w.kind === 'removed' : w.kind === 'added'))
        .map((w, i) => (w.kind === 'equal' ? <span key={i}>{w.text}</span> : w.kind === 'added' ? <ins key={i}>{w.text}</ins> : <del key={i}>{w.text}</del>))
    : block.text;
  return (
    <div style={{ fontWeight: heading ? 700 : 400 }}>
      {block.sectionNumber && heading ? <span className={classes.number}>{block.sectionNumber} </span> : null}
      {text}
    </div>
  );
}
