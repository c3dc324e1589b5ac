import { ActionIcon, Badge, Button, Group, Modal, Paper, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { blockIdPlugin, congressSchema } from '@vankien/document-schema';
import { baseKeymap } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { memo, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { redo, undo, yCursorPlugin, ySyncPlugin, ySyncPluginKey, yUndoPlugin } from 'y-prosemirror';
import { formatNumber } from '../../../lib/format';
import { handleToolbarKey, syncRovingTabIndex } from '../../../lib/roving-focus';
import { openCollabSession, type CollabSession, type CollabState } from '../services/collab-session';
import * as commands from '../services/commands';
import { tableAt } from '../services/table-commands';
import { computeOutline, roundMinutes, type Outline } from '../services/outline';
import { targetsTableView } from './TargetsTableView';
import './editor.css';

export interface Presence {
  clientId: number;
  id: string;
  name: string;
  color: string;
  self: boolean;
}

interface Props {
  documentId: string;
  user: { id: string; name: string; color: string };
  /** why the user may not edit (null: editable as far as the client knows) */
  readOnly: boolean;
  onState: (state: CollabState) => void;
  onPresence: (people: Presence[]) => void;
  onOutline: (outline: Outline) => void;
  /** the section to show first (from the URL) */
  section: string | null;
  /** gives the page a way to jump to a block */
  jumpRef: React.MutableRefObject<((blockId: string) => void) | null>;
  /** the saving state, kept in view in the (sticky) toolbar while the page scrolls */
  status?: ReactNode;
}

const listItem = congressSchema.nodes['list_item'];

// memo: the page re-renders on every saving-state change; the editor need not
export const CollaborativeEditor = memo(function CollaborativeEditor({ documentId, user, readOnly, onState, onPresence, onOutline, section, jumpRef, status }: Props) {
  const { t } = useTranslation();
  const mount = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const sessionRef = useRef<CollabSession | null>(null);
  const editableRef = useRef(!readOnly);
  const [, setTick] = useState(0);
  const [footnoteOpen, setFootnoteOpen] = useState(false);
  const [footnote, setFootnote] = useState('');
  const toolbarRef = useRef<HTMLDivElement>(null);
  const toolbarFocus = useRef<Element | null>(null);
  // the toolbar is one Tab stop; its controls come and go (table tools), so after every render
  useLayoutEffect(() => {
    if (toolbarRef.current) toolbarFocus.current = syncRovingTabIndex(toolbarRef.current, toolbarFocus.current);
  });
  const callbacks = useRef({ onState, onPresence, onOutline });
  callbacks.current = { onState, onPresence, onOutline };

  useEffect(() => {
    const session = openCollabSession(documentId, user);
    sessionRef.current = session;
    const awareness = session.provider.awareness!;
    const headings = () => [t('editor.indicator'), t('editor.unit'), t('editor.previous'), t('editor.achieved'), t('editor.newTarget')];
    let outlineTimer: ReturnType<typeof setTimeout> | undefined;
    let lastSignature = '';
    let lastOutline = '';
    // The outline walks the whole document (sections, words, targets): once the typing pauses,
    // and the page re-renders only if it changed.
    const scheduleOutline = (delay = 400) => {
      clearTimeout(outlineTimer);
      outlineTimer = setTimeout(() => {
        const view = viewRef.current;
        if (!view) return;
        const outline = computeOutline(view.state.doc);
        const key = JSON.stringify(outline);
        if (key === lastOutline) return;
        lastOutline = key;
        callbacks.current.onOutline(outline);
      }, delay);
    };
    const state = EditorState.create({
      schema: congressSchema,
      plugins: [
        ySyncPlugin(session.fragment),
        yCursorPlugin(cursorAwareness(awareness) as typeof awareness),
        yUndoPlugin(),
        // only the client that made a change repairs duplicate block ids
        blockIdPlugin({ ignoreTransaction: (tr) => !!tr.getMeta(ySyncPluginKey)?.isChangeOrigin }),
        keymap({
          'Mod-z': undo,
          'Mod-y': redo,
          'Mod-Shift-z': redo,
          'Mod-b': commands.toggle('bold'),
          'Mod-i': commands.toggle('italic'),
          'Mod-u': commands.toggle('underline'),
          Enter: splitListItem(listItem),
          Tab: sinkListItem(listItem),
          'Shift-Tab': liftListItem(listItem),
        }),
        keymap(baseKeymap),
      ],
    });
    const view = new EditorView(mount.current!, {
      state,
      editable: () => editableRef.current,
      attributes: { 'aria-label': t('editor.content'), role: 'textbox', 'aria-multiline': 'true', spellcheck: 'false', lang: 'vi' },
      nodeViews: { targets_table: targetsTableView(headings) },
      // called by y-prosemirror while the view is being constructed, hence `this`
      dispatchTransaction(this: EditorView, tr) {
        this.updateState(this.state.apply(tr));
        if (tr.docChanged) scheduleOutline();
        // the toolbar shows marks, the block kind and the targets row at the cursor: re-render it
        // only when one of them changes, not on every keystroke
        const signature = toolbarSignature(this.state);
        if (signature !== lastSignature) {
          lastSignature = signature;
          setTick((n) => n + 1);
        }
      },
    });
    viewRef.current = view;
    let lastPeople = '';
    const presence = () => {
      const people: Presence[] = [];
      for (const [clientId, value] of awareness.getStates()) {
        const u = (value as { user?: { id: string; name: string; color: string } }).user;
        if (u) people.push({ clientId, ...u, self: clientId === awareness.clientID });
      }
      // awareness changes with every cursor move; the list only when someone comes or goes
      const key = people.map((p) => `${p.clientId}:${p.id}`).join(',');
      if (key === lastPeople) return;
      lastPeople = key;
      callbacks.current.onPresence(people);
    };
    awareness.on('change', presence);
    presence();
    let jumped = false;
    let loaded = '';
    const unsubscribe = session.subscribe((s) => {
      callbacks.current.onState(s);
      if ((s.synced || s.localLoaded) && !jumped && section) {
        jumped = true;
        setTimeout(() => jumpRef.current?.(section), 50);
      }
      // the outline soon after the content arrives; not on the other changes of the connection
      // (the count of unsaved changes moves with every keystroke)
      const content = `${s.synced}|${s.localLoaded}`;
      if (content !== loaded) {
        loaded = content;
        scheduleOutline(50);
      }
    });
    callbacks.current.onState(session.state());
    jumpRef.current = (blockId: string) => {
      const element = view.dom.querySelector(`[data-block-id="${CSS.escape(blockId)}"]`);
      if (!element) return;
      element.scrollIntoView({ block: 'start', behavior: 'auto' });
      try {
        const pos = view.posAtDOM(element, 0);
        view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(pos))));
        view.focus();
      } catch {
        // a block outside the text (should not happen)
      }
    };
    return () => {
      clearTimeout(outlineTimer);
      unsubscribe();
      awareness.off('change', presence);
      jumpRef.current = null;
      view.destroy();
      viewRef.current = null;
      session.destroy();
      sessionRef.current = null;
    };
    // one session per open document; the user and the language do not change while it is open
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [documentId, user.id]);

  useEffect(() => {
    editableRef.current = !readOnly;
    viewRef.current?.setProps({});
  }, [readOnly]);

  const view = viewRef.current;
  const run = (command: Command) => () => {
    if (!view) return;
    command(view.state, view.dispatch);
    view.focus();
  };
  const state = view?.state;
  const enabled = (command: Command) => !readOnly && !!state && command(state);
  const active = (mark: 'bold' | 'italic' | 'underline') => !!state && commands.markActive(state, congressSchema.marks[mark]);
  const blockKind = state ? commands.currentBlockKind(state) : 'paragraph';
  const targetsRow = state ? commands.targetsRowAt(state) : null;
  const inTable = !!state && !!tableAt(state);
  const tableButton = (command: Command, key: 'addRow' | 'deleteRow' | 'addColumn' | 'deleteColumn') => (
    <Button size="compact-sm" variant="default" disabled={!enabled(command)} onMouseDown={(e) => e.preventDefault()} onClick={run(command)}>
      {t(`editor.${key}`)}
    </Button>
  );
  const markButton = (mark: 'bold' | 'italic' | 'underline', label: ReactNode, shortcut: string) => (
    <Tooltip label={`${t(`editor.${mark}`)} (${shortcut})`}>
      <ActionIcon
        variant={active(mark) ? 'filled' : 'default'}
        size="lg"
        aria-label={t(`editor.${mark}`)}
        aria-pressed={active(mark)}
        disabled={readOnly}
        onMouseDown={(e) => e.preventDefault()}
        onClick={run(commands.toggle(mark))}
      >
        {label}
      </ActionIcon>
    </Tooltip>
  );

  return (
    <Stack gap="xs">
      {!readOnly && (
        <Paper
          className="vk-toolbar"
          role="toolbar"
          aria-label={t('editor.toolbar')}
          aria-orientation="horizontal"
          ref={toolbarRef}
          onFocus={(e) => {
            if (e.target !== e.currentTarget && toolbarRef.current) toolbarFocus.current = syncRovingTabIndex(toolbarRef.current, e.target);
          }}
          onKeyDown={(e) => {
            if (toolbarRef.current) toolbarFocus.current = handleToolbarKey(toolbarRef.current, e) ?? toolbarFocus.current;
          }}
        >
          <Group gap={6} wrap="wrap">
            <Select
              aria-label={t('editor.blockStyle')}
              placeholder={t('editor.blockStyle')}
              size="sm"
              w={140}
              allowDeselect={false}
              value={blockKind.startsWith('heading') || blockKind === 'paragraph' ? blockKind : null}
              onChange={(value) => {
                if (!value) return;
                run(value === 'paragraph' ? commands.paragraph : commands.heading(Number(value.slice(8)) as 1 | 2 | 3 | 4))();
              }}
              data={[
                { value: 'paragraph', label: t('editor.paragraph') },
                { value: 'heading-1', label: t('editor.part') },
                { value: 'heading-2', label: t('editor.section') },
                { value: 'heading-3', label: t('editor.subsection') },
                { value: 'heading-4', label: t('editor.item') },
              ]}
            />
            {markButton('bold', <b>B</b>, 'Ctrl+B')}
            {markButton('italic', <i>I</i>, 'Ctrl+I')}
            {markButton('underline', <u>U</u>, 'Ctrl+U')}
            <Button size="compact-sm" variant="default" disabled={!enabled(commands.bulletList)} onClick={run(commands.bulletList)}>
              {t('editor.bulletList')}
            </Button>
            <Button size="compact-sm" variant="default" disabled={!enabled(commands.orderedList)} onClick={run(commands.orderedList)}>
              {t('editor.orderedList')}
            </Button>
            <Button size="compact-sm" variant="default" onClick={run(commands.insertTable())}>
              {t('editor.table')}
            </Button>
            <Button size="compact-sm" variant="default" onClick={run(commands.insertTargetsTable)}>
              {t('editor.targets')}
            </Button>
            {inTable && (
              <Group gap={4} role="group" aria-label={t('editor.tableTools')} data-testid="table-tools">
                {tableButton(commands.addRowAfter, 'addRow')}
                {tableButton(commands.deleteRow, 'deleteRow')}
                {tableButton(commands.addColumnAfter, 'addColumn')}
                {tableButton(commands.deleteColumn, 'deleteColumn')}
              </Group>
            )}
            {targetsRow && (
              <Select
                aria-label={t('editor.assessment')}
                size="xs"
                w={150}
                allowDeselect={false}
                value={targetsRow.assessment}
                onChange={(value) => value && run(commands.setAssessment(value))()}
                data={[
                  { value: 'unknown', label: t('editor.unknown') },
                  { value: 'met', label: t('editor.met') },
                  { value: 'exceeded', label: t('editor.exceeded') },
                  { value: 'not_met', label: t('editor.notMet') },
                ]}
              />
            )}
            <Button size="compact-sm" variant="default" onClick={() => setFootnoteOpen(true)}>
              {t('editor.footnote')}
            </Button>
            <Button size="compact-sm" variant="subtle" onClick={run(undo)} aria-keyshortcuts="Control+Z">
              {t('editor.undo')}
            </Button>
            <Button size="compact-sm" variant="subtle" onClick={run(redo)} aria-keyshortcuts="Control+Y">
              {t('editor.redo')}
            </Button>
            {status}
          </Group>
        </Paper>
      )}
      <div className="vk-page" ref={mount} data-testid="editor" data-readonly={readOnly ? 'true' : 'false'} />
      <Modal opened={footnoteOpen} onClose={() => setFootnoteOpen(false)} title={t('editor.footnote')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            run(commands.insertFootnote(footnote))();
            setFootnote('');
            setFootnoteOpen(false);
          }}
        >
          <Stack>
            <TextInput label={t('editor.footnoteText')} value={footnote} onChange={(e) => setFootnote(e.currentTarget.value)} data-autofocus />
            <Button type="submit">{t('editor.insert')}</Button>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
});

/**
 * The awareness as y-prosemirror's cursor plugin sees it. The plugin publishes the cursor on every
 * view update and, on every awareness change, dispatches a transaction to redraw the others'
 * cursors: two costs per keystroke (an extra transaction and view update, an awareness message).
 * Here this editor's cursor is published at most every CURSOR_INTERVAL ms (the last position
 * always goes out), and a change of this editor's own state alone does not redraw (the plugin
 * does not draw one's own cursor).
 */
const CURSOR_INTERVAL = 120;
type Awareness = NonNullable<CollabSession['provider']['awareness']>;
type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };
function cursorAwareness(awareness: Awareness) {
  let pending: { field: string; value: unknown } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Map<(...args: unknown[]) => void, (change: AwarenessChange, origin: unknown) => void>();
  const flush = () => {
    timer = undefined;
    if (!pending) return;
    const { field, value } = pending;
    pending = null;
    awareness.setLocalStateField(field, value);
  };
  return {
    get clientID() {
      return awareness.clientID;
    },
    getStates: () => awareness.getStates(),
    // what the plugin compares the cursor with: the position about to be published, if any
    getLocalState: () => (pending ? { ...awareness.getLocalState(), [pending.field]: pending.value } : awareness.getLocalState()),
    setLocalStateField(field: string, value: unknown) {
      pending = { field, value };
      // clearing the cursor (the editor lost the focus) goes out at once
      if (value === null) {
        clearTimeout(timer);
        flush();
      } else if (timer === undefined) timer = setTimeout(flush, CURSOR_INTERVAL);
    },
    on(event: string, listener: (...args: unknown[]) => void) {
      const filtered = (change: AwarenessChange, origin: unknown) => {
        const own = awareness.clientID;
        if (change.added.length === 0 && change.removed.length === 0 && change.updated.every((id) => id === own)) return;
        listener(change, origin);
      };
      listeners.set(listener, filtered);
      awareness.on(event as 'change', filtered);
    },
    off(event: string, listener: (...args: unknown[]) => void) {
      const filtered = listeners.get(listener);
      if (!filtered) return;
      listeners.delete(listener);
      awareness.off(event as 'change', filtered);
      // the plugin clears the cursor as it goes: nothing may be published after that
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

function toolbarSignature(state: EditorState): string {
  const marks = (['bold', 'italic', 'underline'] as const).map((m) => (commands.markActive(state, congressSchema.marks[m]) ? '1' : '0')).join('');
  const row = commands.targetsRowAt(state);
  const lists = [commands.bulletList, commands.orderedList, commands.addRowAfter, commands.deleteRow, commands.addColumnAfter, commands.deleteColumn].map((c) => (c(state) ? '1' : '0')).join('');
  return `${marks}|${commands.currentBlockKind(state)}|${row ? `${row.pos}:${row.assessment}` : ''}|${lists}`;
}

/** The outline: parts and sections with numbers, words and reading minutes; click to jump. */
export const OutlinePanel = memo(function OutlinePanel({ outline, onJump }: { outline: Outline | null; onJump: (blockId: string) => void }) {
  const { t } = useTranslation();
  if (!outline) return null;
  return (
    <nav aria-label={t('editor.outline')} data-testid="outline">
      <Text fw={700} mb={4}>
        {t('editor.outline')}
      </Text>
      <Text size="sm" mb="xs" data-testid="outline-total">
        {t('editor.total', { words: formatNumber(outline.words), minutes: formatNumber(roundMinutes(outline.minutes), 1) })}
      </Text>
      {outline.targets.total > 0 && (
        <Text size="sm" mb="xs">
          {t('editor.targetsCount', { met: outline.targets.met + outline.targets.exceeded, notMet: outline.targets.not_met, unknown: outline.targets.unknown })}
        </Text>
      )}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {outline.entries.map((entry) => (
          <li key={entry.blockId} style={{ paddingLeft: `${(entry.level - 1) * 0.75}rem` }}>
            <button type="button" onClick={() => onJump(entry.blockId)} data-section={entry.sectionNumber}>
              <Badge size="xs" variant="outline" color="gray.8" mr={4} style={{ textTransform: "none" }}>
                {entry.sectionNumber || '—'}
              </Badge>
              <span style={{ fontWeight: entry.level <= 2 ? 600 : 400 }}>{entry.title || '…'}</span>
              <Text span size="xs" c="gray.7" display="block">
                {t('editor.words', { words: formatNumber(entry.words) })} ·{' '}
                {t('editor.minutes', { minutes: formatNumber(roundMinutes(entry.minutes), 1) })}
              </Text>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
});
