// Limits that protect the server from documents built to exhaust it. A long provincial political
// report is about 30,000 words in 3,000 blocks, i.e. some 10,000 nodes; the limits leave an
// order of magnitude of room above real documents and still bound the work of one request.

/** Most nodes (blocks, text nodes, footnotes, breaks) one document may have. */
export const MAX_NODE_COUNT = 200_000;
/** Deepest nesting of nodes: real documents rarely go past 8 (list in a list in a table cell). */
export const MAX_DEPTH = 32;
/** Most characters of text in one document (about 100 times a long political report). */
export const MAX_TEXT_LENGTH = 20_000_000;
/** Most errors reported for one document: past this the rest add nothing for the sender. */
export const MAX_REPORTED_ERRORS = 50;
