import { congressSchema } from '@vankien/document-schema';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { targetsTableView } from '../../editor/components/TargetsTableView';
import '../../editor/components/editor.css';

/** A frozen version (or any ProseMirror JSON of the congress schema), shown read-only. */
export function ReadOnlyDocument({ content }: { content: unknown }) {
  const { t } = useTranslation();
  const mount = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const doc = congressSchema.nodeFromJSON(content as Record<string, unknown>);
    const headings = () => [t('editor.indicator'), t('editor.unit'), t('editor.previous'), t('editor.achieved'), t('editor.newTarget')];
    const view = new EditorView(mount.current!, {
      state: EditorState.create({ doc }),
      editable: () => false,
      attributes: { 'aria-label': t('editor.content'), role: 'textbox', 'aria-multiline': 'true', 'aria-readonly': 'true', lang: 'vi' },
      nodeViews: { targets_table: targetsTableView(headings) },
    });
    return () => view.destroy();
  }, [content, t]);
  return <div className="vk-page" ref={mount} data-testid="readonly-document" />;
}
