export const documentKinds = [
  'political_report',
  'political_report_summary',
  'review_report',
  'action_program',
  'resolution',
] as const;
export type DocumentKind = (typeof documentKinds)[number];
