import * as YProsemirrorModule from 'y-prosemirror';
import * as YjsModule from 'yjs';

// yjs and y-prosemirror ship CommonJS builds under the `require` condition; with
// `"module": "node20"` TypeScript lets CommonJS files import their (ES module) types, and Node,
// Jest and Hocuspocus all load the one CommonJS copy. Two copies of Yjs would break
// `instanceof` checks ("Yjs was already imported").

export type Yjs = typeof YjsModule;
export type YProsemirror = typeof YProsemirrorModule;
export type YDoc = YjsModule.Doc;
export type YXmlFragment = YjsModule.XmlFragment;

export const loadYjs = (): Yjs => YjsModule;
export const loadYProsemirror = (): YProsemirror => YProsemirrorModule;
