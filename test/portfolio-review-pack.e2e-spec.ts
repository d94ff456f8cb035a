import request from 'supertest';
import { calendarDateIn } from '#common';
import { OverlapRefreshService } from '#portfolio-review';
import {
  givenAlert,
  givenDepartment,
  givenDistrict,
  givenFundingLine,
  givenGoal,
  givenInitiative,
  givenTargetGroup,
} from './support/factories.js';
import { givenDecision, givenReview } from './support/review-factories.js';
import { api, createTestApp, expectProblem, type TestApp } from './support/test-app.js';

/**
 * A small portfolio with one of everything the pack shows. The pack is for the November meeting; the May and
 * September reviews came before it:
 * - PACK-A's May decision (follow up 30 September) is due: nothing was decided on PACK-A since, and the November
 *   review's own decision on it does not count (the pack must read the same after the meeting);
 * - PACK-B's May decision is answered by September's, whose follow-up (March) is not due yet;
 * - September is the previous review: its one decision is PACK-B's.
 * PACK-A and PACK-B share target group, district, priority area and title: 0.25 + 0.15 + 0.15 + 0.25 = 0.8.
 */
describe('Review pack', () => {
  let t: TestApp;
  let reviewId: string;
  let pack: string;

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.dataSource;
    const dept = await givenDepartment(ds, { code: 'PACK-ASF', name: 'Arbetsmarknadsförvaltningen' });
    const area = await givenGoal(ds, { code: 'PACK-PA', title: 'Egen försörjning', level: 'priority_area' });
    const young = await givenTargetGroup(ds, { code: 'PACK-UNGA', name: 'Unga 16–24' });
    const krono = await givenDistrict(ds, { code: 'PACK-KRONO', name: 'Kronogården' });
    const same = {
      status: 'active' as const,
      leadDepartmentId: dept.id,
      title: 'Sommarjobb för unga',
      summary: null,
      endDate: null,
    };
    const a = await givenInitiative(
      ds,
      { code: 'PACK-A', annualCostSek: 1_200_000, ...same },
      { goalIds: [area.id], targetGroupIds: [young.id], districtIds: [krono.id] },
    );
    const b = await givenInitiative(
      ds,
      { code: 'PACK-B', annualCostSek: 800_000, ...same },
      { goalIds: [area.id], targetGroupIds: [young.id], districtIds: [krono.id] },
    );
    // The worker's drain scores the pair; the pack only reads what is stored.
    await t.app.get(OverlapRefreshService).drain();
    // 600 000 kr of state grant ends in June 2027 with nothing after it: the cliff's one month.
    await givenFundingLine(ds, a.id, { amountSek: 600_000, periodStart: '2027-01-01', periodEnd: '2027-06-30' });
    await givenAlert(ds, a.id, { kind: 'grant_expiring', severity: 'critical' });

    const may = await givenReview(ds, { title: 'Portföljgenomgång maj 2026', meetingDate: '2026-05-20' });
    const september = await givenReview(ds, { title: 'Portföljgenomgång september 2026', meetingDate: '2026-09-15' });
    const november = await givenReview(ds, {
      title: 'Portföljgenomgång november 2026',
      meetingDate: '2026-11-30',
      notes: '<script>alert(1)</script> Fokus på finansieringsstupet.',
    });
    await givenDecision(ds, may.id, a.id, {
      decision: 'seek_funding',
      rationale: 'Sök ESF-medel för 2027.',
      followUpDate: '2026-09-30',
    });
    await givenDecision(ds, may.id, b.id, {
      decision: 'continue',
      rationale: 'Fortsätt som i dag.',
      followUpDate: '2026-09-01',
    });
    await givenDecision(ds, september.id, b.id, {
      decision: 'adjust',
      rationale: 'Samordna med PACK-A.',
      followUpDate: '2027-03-01',
    });
    await givenDecision(ds, november.id, a.id, { decision: 'continue', rationale: 'Beslutat vid mötet.' });
    reviewId = november.id;

    const res = await t.admin.get(api(`/portfolio/review-pack?reviewId=${reviewId}`));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    pack = res.text;
  });
  afterAll(() => t.close());

  /** The markup of one section, from its opening tag to the next section. */
  const section = (id: string) => {
    const start = pack.indexOf(`<section id="${id}">`);
    expect(start).toBeGreaterThanOrEqual(0);
    const end = pack.indexOf('</section>', start);
    return pack.slice(start, end);
  };

  it('should be one Swedish page headed by the review, with every section and its charts inline', () => {
    expect(pack).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
    expect(pack).toContain('<h1>Portföljgenomgång november 2026</h1>');
    expect(pack).toContain('Möte 30 nov 2026.');
    for (const id of [
      'sammanfattning',
      'prioriterade-omraden',
      'finansieringsstup',
      'larm',
      'overlapp',
      'beredskap',
      'beslut',
    ])
      section(id);
    expect(section('prioriterade-omraden').match(/<svg /g)).toHaveLength(2);
    expect(section('finansieringsstup').match(/<svg /g)).toHaveLength(1);
    expect(section('larm').match(/<svg /g)).toHaveLength(1);
    expect(pack).not.toMatch(/<script/i);
  });

  it('should escape what users wrote', () => {
    expect(pack).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Fokus på finansieringsstupet.');
  });

  it('should show the figures of the portfolio', () => {
    const overview = section('sammanfattning');
    expect(overview).toContain('Insatser<b>2</b>');
    expect(overview).toContain('Årskostnad<b>2\u00a0000\u00a0000 kr</b>');
    expect(overview).toContain('Öppna larm<b>1</b><small>1 kritiska</small>');

    const areas = section('prioriterade-omraden');
    expect(areas).toContain('<title>Egen försörjning: 2</title>');
    expect(areas).toContain('<title>Egen försörjning: 2,0 mnkr</title>');

    const cliff = section('finansieringsstup');
    expect(cliff).toContain('Finansieringsstup per månad, nov 2026–okt 2028');
    expect(cliff).toContain('<title>2027-06: 0,6 mnkr</title>');
    expect(cliff).toContain('<tr><td>2027</td><td class="num">600\u00a0000 kr</td>');

    expect(section('larm')).toContain('<td>Bidrag löper ut</td><td class="num">1</td>');
    expect(section('beredskap')).toContain('<td>Arbetsmarknadsförvaltningen</td><td class="num">2</td>');
  });

  it('should list the overlap to discuss with its score and reasons', () => {
    const overlaps = section('overlapp');
    expect(overlaps).toContain('PACK-A – Sommarjobb för unga');
    expect(overlaps).toContain('PACK-B – Sommarjobb för unga');
    expect(overlaps).toContain('<td class="num">80 %</td>');
    expect(overlaps).toContain(
      'Samma målgrupper; Samma geografiska områden; Samma prioriterade områden; Liknande titel och beskrivning',
    );
  });

  it('should show the decisions due by the meeting and those of the review before it', () => {
    const [due, previous] = section('beslut').split('<h2>Beslut vid förra genomgången</h2>');
    expect(due).toContain(
      '<td>PACK-A – Sommarjobb för unga</td><td>Sök finansiering</td><td>Sök ESF-medel för 2027.</td><td>30 sep 2026</td><td>Portföljgenomgång maj 2026</td>',
    );
    expect(due.match(/<tr><td>PACK-/g)).toHaveLength(1);
    expect(previous).toContain(
      '<td>PACK-B – Sommarjobb för unga</td><td>Justera</td><td>Samordna med PACK-A.</td><td>1 mar 2027</td><td>Portföljgenomgång september 2026</td>',
    );
    expect(previous.match(/<tr><td>PACK-/g)).toHaveLength(1);
  });

  it('should be for today without a review, for every reading role', async () => {
    const staff = await t.as({ role: 'staff', department: 'PACK-ASF' });
    const res = await staff.get(api('/portfolio/review-pack'));

    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<h1>Portföljgenomgång \d{1,2} [a-zé]{3} \d{4}<\/h1>/);
  });

  it('should answer problem+json for an unknown or malformed review, and turn away the anonymous', async () => {
    expectProblem(await t.admin.get(api('/portfolio/review-pack?reviewId=00000000-0000-4000-8000-000000000000')), 404);
    expectProblem(await t.admin.get(api('/portfolio/review-pack?reviewId=nov')), 400);
    expectProblem(await request(t.http).get(api('/portfolio/review-pack')), 401);
  });
});

/**
 * Next budget year (N) holds one initiative of each kind: one ending undecided, one whose only cliff is decided, and
 * one with a decided and an undecided line. By hand: 600 000 + 200 000 kr end undecided; keeping them costs
 * 1 200 000 + 500 000 kr a year; two initiatives are undecided, one decided.
 */
describe('Funding cliff of the next budget year in the pack, the summary and the cliff', () => {
  let t: TestApp;
  const N = Number(calendarDateIn(new Date(), 'Europe/Stockholm').slice(0, 4)) + 1;
  const expected = {
    fundingEndingSek: 800_000,
    uncoveredAnnualCostSek: 1_700_000,
    initiativesUndecided: 2,
    initiativesCoverageDecided: 1,
  };

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.dataSource;
    const { id: leadDepartmentId } = await givenDepartment(ds);
    const active = (code: string, annualCostSek: number) =>
      givenInitiative(ds, { code, status: 'active', leadDepartmentId, annualCostSek });
    const decided = { coverageDecision: 'phase_out' as const, coverageDecidedOn: `${N - 1}-10-01` };
    const undecided = await active('AGREE-UNDECIDED', 1_200_000);
    await givenFundingLine(ds, undecided.id, {
      amountSek: 600_000,
      periodStart: `${N}-01-01`,
      periodEnd: `${N}-06-30`,
    });
    const settled = await active('AGREE-DECIDED', 800_000);
    await givenFundingLine(ds, settled.id, {
      amountSek: 300_000,
      periodStart: `${N}-01-01`,
      periodEnd: `${N}-03-31`,
      ...decided,
    });
    const mixed = await active('AGREE-MIXED', 500_000);
    await givenFundingLine(ds, mixed.id, {
      amountSek: 100_000,
      periodStart: `${N}-01-01`,
      periodEnd: `${N}-02-28`,
      ...decided,
    });
    await givenFundingLine(ds, mixed.id, { amountSek: 200_000, periodStart: `${N}-01-01`, periodEnd: `${N}-09-30` });
  });
  afterAll(() => t.close());

  it('should give the same kronor and the same undecided and decided initiatives everywhere when they show year N', async () => {
    const summary = (await t.admin.get(api('/portfolio/summary'))).body.fundingCliff;
    const yearAlone = (await t.admin.get(api(`/portfolio/funding-cliff?from=${N}-01&months=12`))).body.budgetYears[0];
    const byDefault = (await t.admin.get(api('/portfolio/funding-cliff'))).body.budgetYears.find(
      (y: { year: number }) => y.year === N,
    );
    const pack = (await t.admin.get(api('/portfolio/review-pack'))).text;

    expect(summary).toEqual({
      year: N,
      fundingEndingSek: expected.fundingEndingSek,
      uncoveredAnnualCostSek: expected.uncoveredAnnualCostSek,
      initiatives: expected.initiativesUndecided,
      initiativesCoverageDecided: expected.initiativesCoverageDecided,
    });
    for (const year of [yearAlone, byDefault]) expect(year).toMatchObject({ year: N, ...expected });
    const sek = (n: number) => `${n.toLocaleString('sv-SE')} kr`;
    expect(pack).toContain(
      `<tr><td>${N}</td><td class="num">${sek(expected.fundingEndingSek)}</td><td class="num">${sek(expected.uncoveredAnnualCostSek)}</td>` +
        `<td class="num">${expected.initiativesUndecided}</td><td class="num">${expected.initiativesCoverageDecided}</td></tr>`,
    );
    expect(pack).toContain(
      `Finansieringsstup ${N}<b>${sek(expected.uncoveredAnnualCostSek)}</b><small>${expected.initiativesUndecided} insatser utan beslut om fortsatt finansiering</small>`,
    );
  });
});
