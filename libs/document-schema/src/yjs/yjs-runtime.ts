import type * as YProsemirrorModule from 'y-prosemirror' with { 'resolution-mode': 'import' };
import type * as YjsModule from 'yjs' with { 'resolution-mode': 'import' };

// Why not `import * as Y from 'yjs'`: yjs and y-prosemirror declare their types only as ES
// modules, and under this repository's `"module": "node16"` TypeScript refuses to let a
// CommonJS file import them (TS1479), although at run time Node, Jest and Hocuspocus all load
// their CommonJS builds through the `require` condition, and must load that one copy: two
// copies of Yjs break `instanceof` checks ("Yjs was already imported").
// So the types come from a type-only import and the values from `require`, on first use, which
// keeps this library importable in a browser for everything but these server-side conversions.
// Once tsconfig says `"module": "node20"` (TypeScript ≥ 5.9, matching Node ≥ 20.19 and its
// require(esm)), this file can become two plain imports.

export type Yjs = typeof YjsModule;
export type YProsemirror = typeof YProsemirrorModule;
export type YDoc = YjsModule.Doc;
export type YXmlFragment = YjsModule.XmlFragment;

let yjs: Yjs | undefined;
let yProsemirror: YProsemirror | undefined;

export const loadYjs = (): Yjs => (yjs ??= require('yjs') as Yjs);
export const loadYProsemirror = (): YProsemirror => (yProsemirror ??= require('y-prosemirror') as YProsemirror);
