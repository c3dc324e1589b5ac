/** Who a comment comes from, as the synthesis report counts them. */
export const sourceTypes = [
  'lower_organization',
  'retired_leaders',
  'fatherland_front',
  'socio_political',
  'expert',
  'public',
] as const;
export type SourceType = (typeof sourceTypes)[number];
