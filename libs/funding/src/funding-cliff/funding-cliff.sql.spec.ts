import { buildFundingCliffSql, jsonObject } from './funding-cliff.sql.js';

describe('jsonObject', () => {
  it('writes the keys in jsonb order: shorter first, then by bytes', () => {
    expect(
      jsonObject({
        coverageDecision: 'f.coverage_decision',
        periodEnd: 'f.period_end',
        id: 'f.id',
        amountSek: 'f.amount_sek',
        funder: 'f.funder',
      }),
    ).toBe(
      "json_build_object('id', f.id, 'funder', f.funder, 'amountSek', f.amount_sek, 'periodEnd', f.period_end, 'coverageDecision', f.coverage_decision)",
    );
  });

  it('orders upper case before lower case, as jsonb compares bytes', () => {
    expect(jsonObject({ title: 't', lines: 'l', Lines: 'L' })).toBe(
      "json_build_object('Lines', L, 'lines', l, 'title', t)",
    );
  });
});

describe('buildFundingCliffSql', () => {
  const report = buildFundingCliffSql({ from: '$1', months: '$2' });
  const totals = buildFundingCliffSql({ from: '$1', months: '$2', listing: false });

  it("should leave the listing out of the totals: no lines, entries' departments, titles or initiatives", () => {
    for (const listingOnly of [
      "'initiatives'",
      'JOIN funding_lines f',
      'AS line',
      'AS lines',
      'year_lines',
      // The entries' department objects (the totals split by department look each group's up instead).
      'JOIN departments d ON d.id = e.lead_department_id',
      'i.title',
      'json_agg(s.line',
    ])
      expect({ listingOnly, inReport: report.includes(listingOnly), inTotals: totals.includes(listingOnly) }).toEqual({
        listingOnly,
        inReport: true,
        inTotals: false,
      });
  });
});
