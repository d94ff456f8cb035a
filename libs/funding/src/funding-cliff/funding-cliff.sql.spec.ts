import { jsonObject } from './funding-cliff.sql.js';

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
