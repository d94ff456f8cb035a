import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '#common';
import type { AlertScan, ScanCounts } from './alert-scan.js';
import { applyFindings } from './apply-findings.js';
import { grantFindings } from './grant-findings.js';

/**
 * A granted temporary grant of an approved or active initiative that ends within the ladder (ALERT_LADDER_DAYS,
 * default 365 / 182 / 91 days → info / warning / critical) with nothing decided about what comes after. The alert
 * climbs as the end comes closer; a successor or granted money taking over all of it (grantFindings), a coverage
 * decision or an end date moved beyond the ladder resolves it. A later end date within the ladder keeps the severity reached: it never falls.
 */
@Injectable()
export class GrantExpiringScan implements AlertScan {
  readonly name = 'grant_expiring' as const;

  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  run(em: EntityManager, asOf: string): Promise<ScanCounts> {
    const [info, warning, critical] = this.config.get('ALERT_LADDER_DAYS', { infer: true });
    const findings = grantFindings(asOf, {
      kind: this.name,
      where: `f.status = 'granted'
              AND i.status IN ('approved', 'active')
              AND t.period_end BETWEEN $1::date AND $1::date + $3::int`,
      severity: `CASE WHEN f.period_end - $1::date <= $5::int THEN 'critical'
                      WHEN f.period_end - $1::date <= $4::int THEN 'warning'
                      ELSE 'info' END`,
      title: (p) =>
        `${p.label} || ' från ' || ${p.funder} || ' upphör ' || ${p.end} || ' utan beslut om fortsatt finansiering'`,
      detail: (p) =>
        `${p.initiative} || ': ' || ${p.label} || ' från ' || ${p.funder} || ' (' || ${p.amount} || ' kr, ' || ${p.start} || '–' || ${p.end} || ') upphör om ' || ${p.days} || ' dagar, ' ||
         ${p.successor} || ', och inget beslut är fattat om vad som händer när pengarna tar slut.'`,
      params: [info, warning, critical],
    });
    return applyFindings(em, this.name, asOf, findings);
  }
}
