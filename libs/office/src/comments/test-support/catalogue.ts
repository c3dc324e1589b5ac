import { buildBlockIndex, congressSchema, createSequentialIdGenerator, createTemplate, DocumentKind } from '@vankien/document-schema';
import { SectionCatalogue } from '../comment-table-types';

/** A catalogue built the way the feedback service builds one: a template's block index. */
export const catalogueOf = (kind: DocumentKind, title: string, prefix: string): SectionCatalogue => {
  const doc = createTemplate(kind, { organizationName: 'Đảng bộ tỉnh Lai Châu', term: '2025–2030', generateId: createSequentialIdGenerator(prefix) });
  const blocks = buildBlockIndex(congressSchema.nodeFromJSON(doc)).map(({ blockId, type, sectionNumber, headingTrail, text }) => ({
    blockId,
    type,
    sectionNumber,
    headingTrail,
    text,
  }));
  return { documentVersionId: `${prefix}-v1`, title, blocks };
};

export const politicalReport = (): SectionCatalogue => catalogueOf('political_report', 'Báo cáo chính trị', 'p');
export const actionProgram = (): SectionCatalogue => catalogueOf('action_program', 'Chương trình hành động', 'a');
export const resolution = (): SectionCatalogue => catalogueOf('resolution', 'Nghị quyết Đại hội', 'r');
