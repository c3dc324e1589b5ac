import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { NodeView } from 'prosemirror-view';

/** The targets table with its column headings (rendered from the table's purpose, not stored). */
export function targetsTableView(headings: () => string[]) {
  return (node: ProseMirrorNode): NodeView => {
    const dom = document.createElement('table');
    dom.className = 'targets';
    dom.dataset.purpose = String(node.attrs['purpose']);
    if (typeof node.attrs['blockId'] === 'string') dom.dataset.blockId = node.attrs['blockId'];
    const head = document.createElement('thead');
    head.contentEditable = 'false';
    const row = document.createElement('tr');
    for (const text of headings()) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = text;
      row.append(th);
    }
    head.append(row);
    const body = document.createElement('tbody');
    dom.append(head, body);
    return {
      dom,
      contentDOM: body,
      ignoreMutation: (mutation) => head.contains(mutation.target),
    };
  };
}
