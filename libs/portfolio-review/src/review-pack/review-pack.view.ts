import { ALERT_KIND_LABELS, SEVERITY_LABELS, type AlertKind, type AlertSeverity } from '#alerts';
import { PORTFOLIO_DECISION_LABELS, type PortfolioDecision } from '#common';
import type { FundingCliffDto } from '#funding';
import { INITIATIVE_STATUS_LABELS, INITIATIVE_STATUSES } from '#portfolio';
import { READINESS_CHECK_LABELS, READINESS_CHECKS } from '../readiness/readiness-checks.js';
import type { ReadinessDepartmentDto } from '../readiness/portfolio-readiness.dto.js';
import type { PortfolioSummaryDto } from '../summary/portfolio-summary.dto.js';
import { html, type SafeHtml } from './html.js';
import { barChart, monthColumnChart } from './svg-charts.js';
import { capitalised, dayName, kronor, millionKronor, monthName, percent } from './swedish-format.js';

export type PackReview = { title: string; meetingDate: string; notes: string | null };
export type PackOverlap = { score: number; a: PackInitiative; b: PackInitiative; reasons: string[] };
export type PackInitiative = { code: string; title: string };
export type PackDecision = {
  initiative: PackInitiative;
  decision: PortfolioDecision;
  rationale: string;
  followUpDate: string | null;
  review: { title: string; meetingDate: string };
};

/** Everything the review pack shows, gathered by ReviewPackService; the view only lays it out. */
export type ReviewPackData = {
  today: string;
  review: PackReview | null;
  summary: PortfolioSummaryDto;
  cliff: FundingCliffDto;
  readinessByDepartment: ReadinessDepartmentDto[];
  overlaps: PackOverlap[];
  decisionsDue: PackDecision[];
  previousDecisions: PackDecision[];
};

const SEVERITY_COLORS: Record<AlertSeverity, string> = { critical: '#b3261e', warning: '#c77700', info: '#2f6f9f' };

const STYLE = `
  body { font-family: system-ui, sans-serif; color: #1b2733; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
  h1 { font-size: 1.6rem; margin-bottom: 0; } h2 { font-size: 1.2rem; border-bottom: 2px solid #1f3b57; padding-bottom: .2rem; margin-top: 2rem; }
  .meta { color: #5b6b7a; margin-top: .2rem; }
  .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .6rem; }
  .figure { border: 1px solid #d5dde5; border-radius: 4px; padding: .5rem .7rem; } .figure b { display: block; font-size: 1.3rem; }
  table { border-collapse: collapse; width: 100%; font-size: .9rem; } th, td { text-align: left; padding: .3rem .4rem; border-bottom: 1px solid #d5dde5; vertical-align: top; }
  td.num, th.num { text-align: right; } td.num { white-space: nowrap; }
  section { break-inside: avoid-page; }
  @page { size: A4; margin: 18mm 15mm; }
  @media print {
    body { margin: 0; max-width: none; font-size: 10pt; } h2 { break-after: avoid; }
    section + section { break-before: page; }
    table { font-size: 8.5pt; } th, td { overflow-wrap: break-word; }
    #beredskap thead th.num { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; text-align: left; vertical-align: bottom; }
  }`;

function figure(label: string, value: string, note?: string): SafeHtml {
  return html`<div class="figure">${label}<b>${value}</b>${note && html`<small>${note}</small>`}</div>`;
}

function overview({ summary }: ReviewPackData): SafeHtml {
  const { annualCost, fundingCliff, openAlerts, followUp } = summary;
  const statuses = INITIATIVE_STATUSES.filter((s) => summary.byStatus[s] > 0);
  return html`<section id="sammanfattning"><h2>Portföljen i korthet</h2>
<div class="figures">
${figure('Insatser', String(summary.initiatives), statuses.map((s) => `${INITIATIVE_STATUS_LABELS[s].toLowerCase()} ${summary.byStatus[s]}`).join(', '))}
${figure('Årskostnad', kronor(annualCost.totalSek), annualCost.initiativesWithoutAnnualCost ? `${annualCost.initiativesWithoutAnnualCost} insatser saknar årskostnad` : undefined)}
${figure('Tillfällig finansiering', percent(annualCost.temporaryShare), `${kronor(annualCost.temporarySek)} av ${kronor(annualCost.fundedPerYearSek)} per år`)}
${figure(`Finansieringsstup ${fundingCliff.year}`, kronor(fundingCliff.uncoveredAnnualCostSek), `${fundingCliff.initiatives} insatser utan beslut om fortsatt finansiering`)}
${figure('Öppna larm', String(openAlerts.total), `${openAlerts.bySeverity.critical ?? 0} kritiska`)}
${figure('Uppföljningsplan', percent(followUp.followUpPlanShare), `rapport i tid: ${percent(followUp.reportedOnTimeShare)}`)}
</div></section>`;
}

function priorityAreas({ summary }: ReviewPackData): SafeHtml {
  const { areas, unlinked } = summary.byPriorityArea;
  return html`<section id="prioriterade-omraden"><h2>Insatser och kostnad per prioriterat område</h2>
${barChart(
  'Antal insatser per prioriterat område',
  areas.map((a) => ({ label: a.title, value: a.count, valueLabel: `${a.count}` })),
  'Inga insatser är kopplade till ett prioriterat område.',
)}
${barChart(
  'Årskostnad per prioriterat område',
  areas.map((a) => ({ label: a.title, value: a.annualCostSek, valueLabel: millionKronor(a.annualCostSek) })),
  'Inga insatser är kopplade till ett prioriterat område.',
)}
<p>En insats under två områden räknas i båda. ${unlinked} insatser hör inte till något prioriterat område.</p></section>`;
}

function fundingCliff({ cliff }: ReviewPackData): SafeHtml {
  const columns = cliff.months.map((m) => ({
    month: m.month,
    value: m.fundingEndingSek,
    valueLabel: millionKronor(m.fundingEndingSek),
  }));
  const years = cliff.budgetYears.map(
    (y) =>
      html`<tr><td>${y.year}</td><td class="num">${kronor(y.fundingEndingSek)}</td><td class="num">${kronor(y.uncoveredAnnualCostSek)}</td><td class="num">${y.initiativesUndecided}</td><td class="num">${y.initiativesCoverageDecided}</td></tr>`,
  );
  return html`<section id="finansieringsstup"><h2>Finansieringsstup per månad, ${monthName(cliff.from)}–${monthName(cliff.to)}</h2>
<p>Tillfällig finansiering som tar slut utan efterföljare och utan beslut om vad som händer sedan. Insatser där det redan är beslutat vad som händer visas för sig och räknas inte i beloppen.</p>
${monthColumnChart('Tillfällig finansiering som upphör per månad', columns, 'Inga finansieringsstup under perioden.')}
<table><thead><tr><th>Budgetår</th><th class="num">Upphörande finansiering</th><th class="num">Ofinansierad årskostnad</th><th class="num">Insatser utan beslut</th><th class="num">Insatser med beslut</th></tr></thead><tbody>${years}</tbody></table></section>`;
}

function alerts({ summary }: ReviewPackData): SafeHtml {
  const { bySeverity, byKind } = summary.openAlerts;
  const severities: AlertSeverity[] = ['critical', 'warning', 'info'];
  const bars = severities.map((s) => ({
    label: SEVERITY_LABELS[s],
    value: bySeverity[s] ?? 0,
    valueLabel: String(bySeverity[s] ?? 0),
    color: SEVERITY_COLORS[s],
  }));
  const kinds = byKind.map(
    (k) => html`<tr><td>${ALERT_KIND_LABELS[k.kind as AlertKind]}</td><td class="num">${k.total}</td></tr>`,
  );
  return html`<section id="larm"><h2>Öppna larm per allvarlighetsgrad</h2>
${barChart('Öppna larm per allvarlighetsgrad', bars)}
${byKind.length > 0 && html`<table><thead><tr><th>Slag</th><th class="num">Öppna</th></tr></thead><tbody>${kinds}</tbody></table>`}</section>`;
}

const initiativeName = (i: PackInitiative) => `${i.code} – ${i.title}`;

function overlaps({ overlaps }: ReviewPackData): SafeHtml {
  const rows = overlaps.map(
    (o) =>
      html`<tr><td>${initiativeName(o.a)}</td><td>${initiativeName(o.b)}</td><td class="num">${percent(o.score)}</td><td>${o.reasons.join('; ')}</td></tr>`,
  );
  return html`<section id="overlapp"><h2>Överlapp att diskutera</h2>
${
  overlaps.length === 0
    ? html`<p>Inga möjliga överlapp som inte redan har bedömts.</p>`
    : html`<table><thead><tr><th>Insats</th><th>Insats</th><th class="num">Likhet</th><th>Varför</th></tr></thead><tbody>${rows}</tbody></table>`
}</section>`;
}

function readiness({ readinessByDepartment }: ReviewPackData): SafeHtml {
  const rows = readinessByDepartment.map(
    (d) =>
      html`<tr><td>${d.name ?? 'Utan ledande förvaltning'}</td><td class="num">${d.initiatives}</td><td class="num">${percent(d.score)}</td>${READINESS_CHECKS.map((c) => html`<td class="num">${percent(d.checks[c])}</td>`)}</tr>`,
  );
  return html`<section id="beredskap"><h2>Beredskap inför revision per förvaltning</h2>
<p>Andelen beslutade och pågående insatser som uppfyller varje punkt revisionen granskar.</p>
${
  readinessByDepartment.length === 0
    ? html`<p>Inga beslutade eller pågående insatser.</p>`
    : html`<table><thead><tr><th>Förvaltning</th><th class="num">Insatser</th><th class="num">Totalt</th>${READINESS_CHECKS.map((c) => html`<th class="num">${capitalised(READINESS_CHECK_LABELS[c])}</th>`)}</tr></thead><tbody>${rows}</tbody></table>`
}</section>`;
}

function decisionTable(decisions: PackDecision[], whenEmpty: string): SafeHtml {
  if (decisions.length === 0) return html`<p>${whenEmpty}</p>`;
  const rows = decisions.map(
    (d) =>
      html`<tr><td>${initiativeName(d.initiative)}</td><td>${PORTFOLIO_DECISION_LABELS[d.decision]}</td><td>${d.rationale}</td><td>${d.followUpDate && dayName(d.followUpDate)}</td><td>${d.review.title}</td></tr>`,
  );
  return html`<table><thead><tr><th>Insats</th><th>Beslut</th><th>Motivering</th><th>Följs upp</th><th>Genomgång</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function decisions({ decisionsDue, previousDecisions }: ReviewPackData): SafeHtml {
  return html`<section id="beslut"><h2>Beslut att följa upp</h2>
${decisionTable(decisionsDue, 'Inga tidigare beslut ska följas upp.')}
<h2>Beslut vid förra genomgången</h2>
${decisionTable(previousDecisions, 'Ingen tidigare genomgång med beslut.')}</section>`;
}

/** The leadership group's pre-read as one printable Swedish HTML page, charts inline as SVG, no scripts. */
export function renderReviewPack(data: ReviewPackData): string {
  const title = data.review?.title ?? `Portföljgenomgång ${dayName(data.today)}`;
  return html`<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${STYLE}</style></head>
<body><header><h1>${title}</h1>
<p class="meta">${data.review && `Möte ${dayName(data.review.meetingDate)}. `}Underlaget togs fram ${dayName(data.today)} ur Samla.</p>
${data.review?.notes && html`<p>${data.review.notes}</p>`}</header>
${overview(data)}${priorityAreas(data)}${fundingCliff(data)}${alerts(data)}${overlaps(data)}${readiness(data)}${decisions(data)}
</body></html>`.value;
}
