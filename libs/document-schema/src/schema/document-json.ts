// The JSON shape of ProseMirror documents (Node.toJSON / Node.fromJSON), as stored in
// document_versions and sent over HTTP. Values from outside are `unknown` until validated.

export type JsonAttrs = Record<string, unknown>;

export interface MarkJson {
  type: string;
  attrs?: JsonAttrs;
}

export interface NodeJson {
  type: string;
  attrs?: JsonAttrs;
  content?: NodeJson[];
  marks?: MarkJson[];
  text?: string;
}

export interface DocumentJson extends NodeJson {
  type: 'doc';
  content: NodeJson[];
}
