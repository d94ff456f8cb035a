import { koladaPoints, type KoladaIndicator } from './kolada-mapping.js';
import type { KoladaRow } from './kolada.client.js';

const row = (
  kpi: string,
  period: number,
  values: Partial<Record<'T' | 'K' | 'M', number | null>>,
  municipality = '1488',
): KoladaRow => ({
  kpi,
  municipality,
  period,
  values: Object.entries(values).map(([gender, value]) => ({
    gender: gender as 'T' | 'K' | 'M',
    count: 1,
    status: '',
    value: value ?? null,
  })),
});

describe('koladaPoints', () => {
  const bySexAndBirth: KoladaIndicator = {
    id: 'i1',
    breakdowns: ['sex', 'born'],
    koladaKpis: { all: 'N00001', 'born:abroad': 'N00002' },
  };

  it("should map T, K and M to all, women and men, and combine them with the KPI's cell", () => {
    const points = koladaPoints(bySexAndBirth, [
      row('N00001', 2024, { T: 50, K: 48, M: 52 }),
      row('N00002', 2024, { T: 30, K: 28 }),
    ]);

    expect(points.map(({ kpi, cell, value }) => [kpi, cell, value])).toEqual([
      ['N00001', 'all', 50],
      ['N00001', 'sex:women', 48],
      ['N00001', 'sex:men', 52],
      ['N00002', 'born:abroad', 30],
      ['N00002', 'sex:women,born:abroad', 28],
    ]);
    expect(points[0]).toEqual({
      indicatorId: 'i1',
      kpi: 'N00001',
      period: '2024',
      cell: 'all',
      area: 'municipality',
      value: 50,
    });
  });

  it("should keep Kolada's 0000 rows as Sweden's, in the same cells", () => {
    const points = koladaPoints(bySexAndBirth, [
      row('N00001', 2024, { T: 50, K: 48 }),
      row('N00001', 2024, { T: 70, K: 69 }, '0000'),
    ]);

    expect(points.map(({ cell, area, value }) => [cell, area, value])).toEqual([
      ['all', 'municipality', 50],
      ['sex:women', 'municipality', 48],
      ['all', 'sweden', 70],
      ['sex:women', 'sweden', 69],
    ]);
  });

  it('should keep only T when the indicator is not broken down by sex', () => {
    const byBirth: KoladaIndicator = {
      id: 'i2',
      breakdowns: ['born'],
      koladaKpis: { all: 'N00001', 'born:abroad': 'N00002' },
    };

    const points = koladaPoints(byBirth, [
      row('N00001', 2023, { T: 50, K: 48, M: 52 }),
      row('N00002', 2023, { T: 30, M: 31 }),
    ]);

    expect(points.map((p) => p.cell)).toEqual(['all', 'born:abroad']);
  });

  it('should skip missing values and rows of KPIs the indicator does not name', () => {
    const points = koladaPoints(bySexAndBirth, [
      row('N00001', 2022, { T: null, K: 40 }),
      row('N09999', 2022, { T: 1 }),
    ]);

    expect(points.map((p) => p.cell)).toEqual(['sex:women']);
  });

  it('should take a cell with a KPI of its own from that KPI alone', () => {
    const women: KoladaIndicator = {
      id: 'i3',
      breakdowns: ['sex'],
      koladaKpis: { all: 'N00001', 'sex:women': 'N00003' },
    };

    const points = koladaPoints(women, [row('N00001', 2024, { T: 50, K: 48, M: 52 }), row('N00003', 2024, { T: 47 })]);

    expect(points.map(({ cell, value }) => [cell, value])).toEqual([
      ['all', 50],
      ['sex:men', 52],
      ['sex:women', 47],
    ]);
  });
});
