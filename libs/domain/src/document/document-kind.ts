export const documentKinds = [
  'political_report',
  'political_report_summary',
  'review_report',
  'action_program',
  'resolution',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** How committees name each kind of document, in the interface and on paper. */
export const documentKindNames: Record<DocumentKind, string> = {
  political_report: 'Báo cáo chính trị',
  political_report_summary: 'Báo cáo chính trị tóm tắt',
  review_report: 'Báo cáo kiểm điểm của Ban Chấp hành',
  action_program: 'Chương trình hành động',
  resolution: 'Dự thảo Nghị quyết Đại hội',
};
