// The baseline of bench/web: the same 100-page report in a bare ProseMirror editor with the same
// schema, no collaboration, no outline, no React.
import { congressSchema } from '@vankien/document-schema';
import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';

const json = await (await fetch('./report.json')).json();
const state = EditorState.create({ doc: congressSchema.nodeFromJSON(json), plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo }), keymap(baseKeymap)] });
window.view = new EditorView(document.getElementById('editor'), { state });
