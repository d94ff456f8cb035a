import type { FundingSourceType } from '#common';
import { takenOverJoinSql } from '#funding-rules';
import type { Findings } from './apply-findings.js';
import { kronorSql } from './kronor.sql.js';

/** How a municipal reader names each kind of temporary money, as the subject of a sentence. */
const SOURCE_LABELS: Record<Exclude<FundingSourceType, 'ordinary_budget'>, string> = {
  state_grant: 'Statsbidraget',
  eu_fund: 'EU-bidraget',
  temporary_appropriation: 'Tilläggsanslaget',
  partner_contribution: 'Partnerbidraget',
  foundation: 'Stiftelsebidraget',
  other: 'Bidraget',
};

/**
 * A grant scan's rule, as SQL over `f` (funding_lines), `t` (its funding_line_facts) and `i` (initiatives), with `$1`
 * the scan date. The line's end date is read as `t.period_end`: the facts' partial index of undecided temporary lines
 * then finds the candidates, where `f.period_end` read every granted line ending before the date (at a million lines,
 * 440,000 index entries to keep 69,000).
 */
export type GrantRule = {
  kind: 'grant_expiring' | 'grant_expired_initiative_active';
  /** Which lines and initiatives the rule is about, besides the conditions every grant rule shares. */
  where: string;
  severity: string;
  /**
   * Swedish text; `label` is the kind of money ("Statsbidraget"), `funder`, `period`, `amount` and `days` are SQL;
   * `successor` is a clause on what takes over ("ingen annan finansiering tar över" or how much does).
   */
  title: (parts: TextParts) => string;
  detail: (parts: TextParts) => string;
  params: unknown[];
};

type TextParts = {
  label: string;
  funder: string;
  start: string;
  end: string;
  amount: string;
  days: string;
  initiative: string;
  successor: string;
};

const PARTS: TextParts = {
  label: `($2::jsonb ->> f.source_type)`,
  funder: 'f.funder',
  start: `to_char(f.period_start, 'YYYY-MM-DD')`,
  end: `to_char(f.period_end, 'YYYY-MM-DD')`,
  amount: kronorSql('f.amount_sek'),
  days: `(f.period_end - $1::date)`,
  initiative: `i.title || ' (' || i.code || ')'`,
  successor: `CASE WHEN t.share = 0 THEN 'ingen annan finansiering tar över'
                   ELSE 'annan beviljad finansiering tar bara över ' || round(t.share * 100) || ' % av det som bidraget betalade (' ||
                        ${kronorSql('t.not_taken_over_sek')} || ' kr saknar efterföljare)' END`,
};

/**
 * The findings of a grant rule. Every grant rule is about temporary money (anything but the ordinary budget) that
 * nobody has yet decided what to do about: no coverage decision, and nothing that fully takes over when it ends —
 * #funding's takenOverJoinSql, the funding cliff's rule: an explicit successor, applied for or granted, starting by
 * the day after its end, or granted lines of the initiative starting then that pay as much. `amount_sek` is what is
 * not taken over (all of the line when nothing is). The facts say which lines are temporary money granted (granted or
 * ended, not the ordinary budget) and undecided, as funding_lines does, kept in the same transaction.
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
                 t.not_taken_over_sek AS amount_sek
            FROM funding_lines f
            JOIN initiatives i ON i.id = f.initiative_id
            ${takenOverJoinSql('f', 't')}
           WHERE t.granted_temporary
             AND t.coverage_decision = 'undecided'
             AND ${rule.where}
             AND t.share < 1`,
    params: [asOf, JSON.stringify(SOURCE_LABELS), ...rule.params],
  };
}
