import type { AlertKind, AlertSeverity } from '../alert.entity.js';

/** Each severity as a municipal reader sees it, capitalised (lower-cased in SQL where a sentence needs it). */
export const SEVERITY_LABELS: Record<AlertSeverity, string> = {
  info: 'Information',
  warning: 'Varning',
  critical: 'Kritiskt',
};

/** Each kind of alert as a municipal reader sees it (the review pack's table of open alerts). */
export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  grant_expiring: 'Bidrag löper ut',
  grant_expired_initiative_active: 'Bidraget har upphört men insatsen pågår',
  funding_gap: 'Finansieringsgap',
  funder_report_due: 'Rapport till finansiär',
  follow_up_overdue: 'Försenad uppföljning',
  follow_up_plan_missing: 'Uppföljningsplan saknas',
  baseline_missing: 'Baslinje saknas',
  possible_overlap: 'Möjligt överlapp',
  decision_follow_up_due: 'Beslut ska följas upp',
  overspending: 'Pengarna tar slut före finansieringsperioden',
};
