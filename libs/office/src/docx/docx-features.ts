// Markers in WordprocessingML of content the congress schema has no place for. mammoth reads
// some of them its own way (insertions kept, deletions dropped, text boxes flattened, comments
// and equations skipped) without saying so; the import report must.

export const DOCUMENT_MARKERS = {
  insertion: '<w:ins ',
  deletion: '<w:del ',
  moveFrom: '<w:moveFrom ',
  moveTo: '<w:moveTo ',
  comment: '<w:commentReference ',
  textBox: '<w:txbxContent',
  drawing: '<w:drawing>',
  vmlPicture: '<w:pict>',
  equation: '<m:oMath>',
  embeddedObject: '<w:object',
} as const;
export type DocumentMarker = keyof typeof DOCUMENT_MARKERS;

export type DocxFeatureCounts = Record<DocumentMarker, number> & { headerFooterParts: number };

export const emptyFeatureCounts = (): DocxFeatureCounts => ({
  insertion: 0,
  deletion: 0,
  moveFrom: 0,
  moveTo: 0,
  comment: 0,
  textBox: 0,
  drawing: 0,
  vmlPicture: 0,
  equation: 0,
  embeddedObject: 0,
  headerFooterParts: 0,
});
