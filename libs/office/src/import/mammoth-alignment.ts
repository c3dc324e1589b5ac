// mammoth's document model knows each paragraph's alignment but its HTML does not carry it.
// Before conversion, an unstyled centred or right-aligned paragraph gets a style name of ours
// that the style map turns into a class, so the import keeps `align` (dates, signature lines).
// The model is untyped in mammoth's declarations, hence the narrowing by hand.

interface ModelElement {
  type?: unknown;
  styleId?: unknown;
  styleName?: unknown;
  alignment?: unknown;
  children?: unknown;
}

const isModelElement = (value: unknown): value is ModelElement => typeof value === 'object' && value !== null;

const ALIGNMENT_STYLES: Readonly<Record<string, string>> = {
  center: 'vankien-align-center',
  right: 'vankien-align-right',
  end: 'vankien-align-right',
};

export const markAlignment = (element: unknown): unknown => {
  if (!isModelElement(element)) return element;
  if (element.type === 'paragraph' && (element.styleId === null || element.styleId === undefined) && typeof element.alignment === 'string') {
    const styleName = ALIGNMENT_STYLES[element.alignment];
    if (styleName) element.styleName = styleName;
  }
  if (Array.isArray(element.children)) for (const child of element.children) markAlignment(child);
  return element;
};
