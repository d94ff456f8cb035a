import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AlertScan, ScanCounts } from './alert-scan.js';
import { applyFindings } from './apply-findings.js';
import { grantFindings } from './grant-findings.js';

/**
 * The funding cliff already passed: a temporary grant (granted, or since marked ended) has ended, nothing (or not
 * enough) took over (grantFindings), nobody decided, and the initiative is still active. Always critical; a coverage decision, a successor or
 * the initiative ending resolves it.
 */
@Injectable()
export class GrantExpiredInitiativeActiveScan implements AlertScan {
  readonly name = 'grant_expired_initiative_active' as const;

  run(em: EntityManager, asOf: string): Promise<ScanCounts> {
    const findings = grantFindings(asOf, {
      kind: this.name,
      // Granted or ended: the facts' granted_temporary, which grantFindings asks of every line.
      where: `i.status = 'active' AND t.period_end < $1::date`,
      severity: `'critical'`,
      title: (p) =>
        `${p.label} || ' från ' || ${p.funder} || ' upphörde ' || ${p.end} || ' men insatsen pågår utan beslut om fortsatt finansiering'`,
      detail: (p) =>
        `${p.initiative} || ' pågår fortfarande, men finansieringen från ' || ${p.funder} || ' (' || ${p.amount} || ' kr, ' || ${p.start} || '–' || ${p.end} || ') har upphört ' ||
         'och ' || ${p.successor} || '. Besluta om verksamheten ska tas in i ramen, få ny finansiering eller avvecklas.'`,
      params: [],
    });
    return applyFindings(em, this.name, asOf, findings);
  }
}
