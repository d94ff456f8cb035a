import type { FundingSourceType } from '#common';
import type { Findings } from './apply-findings.js';

/** How a municipal reader names each kind of temporary money, as the subject of a sentence. */
const SOURCE_LABELS: Record<Exclude<FundingSourceType, 'ordinary_budget'>, string> = {
  state_grant: 'Statsbidraget',
  eu_fund: 'EU-bidraget',
  temporary_appropriation: 'Tilläggsanslaget',
  partner_contribution: 'Partnerbidraget',
  foundation: 'Stiftelsebidraget',
  other: 'Bidraget',
};

/** A grant scan's rule, as SQL over `f` (funding_lines) and `i` (initiatives), with `$1` the scan date. */
export type GrantRule = {
  kind: 'grant_expiring' | 'grant_expired_initiative_active';
  /** Which lines and initiatives the rule is about, besides the conditions every grant rule shares. */
  where: string;
  severity: string;
  /** Swedish text; `label` is the kind of money ("Statsbidraget"), `funder`, `period`, `amount` and `days` are SQL. */
  title: (parts: TextParts) => string;
  detail: (parts: TextParts) => string;
  params: unknown[];
};

type TextParts = { label: string; funder: string; start: string; end: string; amount: string; days: string; initiative: string };

const PARTS: TextParts = {
  label: `($2::jsonb ->> f.source_type)`,
  funder: 'f.funder',
  start: `to_char(f.period_start, 'YYYY-MM-DD')`,
  end: `to_char(f.period_end, 'YYYY-MM-DD')`,
  amount: `replace(to_char(f.amount_sek, 'FM999,999,999,999,990'), ',', ' ')`,
  days: `(f.period_end - $1::date)`,
  initiative: `i.title || ' (' || i.code || ')'`,
};

/**
 * The findings of a grant rule. Every grant rule is about temporary money (anything but the ordinary budget) that
 * nobody has yet decided what to do about: no coverage decision, and no successor line, applied for or granted,
 * that starts by the day after this one ends.
 */
export function grantFindings(asOf: string, rule: GrantRule): Findings {
  return {
    sql: `SELECT '${rule.kind}:' || f.id AS dedupe_key,
                 ${rule.severity} AS severity,
                 f.initiative_id,
                 f.id AS funding_id,
                 i.lead_department_id AS department_id,
                 left(${rule.title(PARTS)}, 300) AS title,
                 ${rule.detail(PARTS)} AS detail,
                 f.period_end AS due_date,
                 f.amount_sek
            FROM funding_lines f
            JOIN initiatives i ON i.id = f.initiative_id
           WHERE f.source_type <> 'ordinary_budget'
             AND f.coverage_decision = 'undecided'
             AND NOT EXISTS (
                   SELECT 1 FROM funding_lines s
                    WHERE s.id = f.successor_funding_id
                      AND s.status IN ('applied', 'granted')
                      AND s.period_start <= f.period_end + 1
                 )
             AND ${rule.where}`,
    params: [asOf, JSON.stringify(SOURCE_LABELS), ...rule.params],
  };
}
