/** The readiness checks, in the order they are reported (`missing` lists the failed ones in this order). */
export const READINESS_CHECKS = [
  'leadDepartment',
  'coOwnerResponsibilities',
  'processOwner',
  'goalLink',
  'effectLogic',
  'followUpPlan',
  'reportedOnTime',
  'coverageDecision',
] as const;
export type ReadinessCheck = (typeof READINESS_CHECKS)[number];

/** Each check as a municipal reader sees it, lower case (exports list them; the review pack heads its columns). */
export const READINESS_CHECK_LABELS: Record<ReadinessCheck, string> = {
  leadDepartment: 'ledande förvaltning',
  coOwnerResponsibilities: 'medägares ansvar',
  processOwner: 'processägare',
  goalLink: 'målkoppling',
  effectLogic: 'effektlogik med baslinje',
  followUpPlan: 'uppföljningsplan',
  reportedOnTime: 'rapport i tid',
  coverageDecision: 'beslut om fortsatt finansiering',
};
