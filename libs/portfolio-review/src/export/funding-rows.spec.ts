import { withFundingRows } from './funding-rows.js';
import type { ExportFundingRow, ExportInitiativeRow } from './portfolio-export.sql.js';

const initiative = (code: string): ExportInitiativeRow => ({
  code,
  title: `Insats ${code}`,
  kind: 'Projekt',
  status: 'Pågående',
  leadDepartment: 'Arbetsmarknadsförvaltningen',
  participants: null,
  priorityAreas: null,
  goals: null,
  targetGroups: null,
  districts: null,
  startDate: '2027-01-01',
  endDate: null,
  annualCostSek: 1_000_000,
  temporarySek: 0,
  temporaryShare: null,
  temporaryEndsOn: null,
  openAlerts: 0,
  readinessScore: null,
  readinessMissing: null,
});
const line = (code: string, funder: string): ExportFundingRow => ({
  code,
  fundingSourceType: 'Statsbidrag',
  funder,
  fundingAmountSek: 100_000,
  fundingStart: '2027-01-01',
  fundingEnd: '2027-12-31',
  fundingStatus: 'Beviljad',
});

describe('withFundingRows', () => {
  it('should put the first line in the initiative’s row and each further line in a row of only code and funding', () => {
    const rows = withFundingRows(
      [initiative('A'), initiative('B'), initiative('C')],
      [line('A', 'Skolverket'), line('A', 'ESF-rådet'), line('A', 'Arvsfonden'), line('C', 'Länsstyrelsen')],
    );

    expect(rows).toEqual([
      { ...initiative('A'), ...line('A', 'Skolverket') },
      line('A', 'ESF-rådet'),
      line('A', 'Arvsfonden'),
      initiative('B'),
      { ...initiative('C'), ...line('C', 'Länsstyrelsen') },
    ]);
    expect(rows[1]).not.toHaveProperty('annualCostSek');
  });

  it('should leave out lines of initiatives the export does not hold', () => {
    expect(withFundingRows([initiative('A')], [line('Z', 'Skolverket')])).toEqual([initiative('A')]);
  });
});
