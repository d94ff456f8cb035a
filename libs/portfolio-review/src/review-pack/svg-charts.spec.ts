import { barChart, monthColumnChart } from './svg-charts.js';

const rects = (svg: string) => [...svg.matchAll(/<rect [^>]*height="(\d+)"[^>]*\/>/g)].map((m) => m[0]);
const widths = (svg: string) => rects(svg).map((r) => Number(/width="([\d.]+)"/.exec(r)![1]));
const heights = (svg: string) => rects(svg).map((r) => Number(/height="(\d+)"/.exec(r)![1]));

describe('barChart', () => {
  it('should scale every bar to the largest value and label it with its text and value', () => {
    const svg = barChart('Insatser per område', [
      { label: 'Trygghet', value: 4, valueLabel: '4 insatser' },
      { label: 'Egen försörjning', value: 2, valueLabel: '2 insatser' },
      { label: 'Tomt', value: 0, valueLabel: '0 insatser' },
    ]).value;

    expect(widths(svg)).toEqual([290, 145, 0]);
    expect(svg).toContain('>Egen försörjning</text>');
    expect(svg).toContain('>2 insatser</text>');
    expect(svg).toContain('aria-label="Insatser per område"');
  });

  it('should cut a long label to fit, keep the whole of it in the tooltip and escape it', () => {
    const long = 'Vi stärker invånarnas jämlika och jämställda livsvillkor <för> ökad tillit';
    const svg = barChart('Områden', [{ label: long, value: 1, valueLabel: '1' }]).value;

    expect(svg).toContain(
      '<title>Vi stärker invånarnas jämlika och jämställda livsvillkor &lt;för&gt; ökad tillit: 1</title>',
    );
    expect(svg).toContain('>Vi stärker invånarnas jämlika och jäm…</text>');
  });

  it('should say so when there is nothing to draw', () => {
    expect(barChart('Larm', [], 'Inga öppna larm.').value).toContain('>Inga öppna larm.</text>');
  });
});

describe('monthColumnChart', () => {
  it('should draw a column per month scaled to the peak, with the year under the first month and every January', () => {
    const svg = monthColumnChart(
      'Stup',
      [
        { month: '2026-12', value: 0, valueLabel: '0,0 mnkr' },
        { month: '2027-01', value: 3_000_000, valueLabel: '3,0 mnkr' },
        { month: '2027-02', value: 1_500_000, valueLabel: '1,5 mnkr' },
      ],
      'Inga stup.',
    ).value;

    expect(heights(svg)).toEqual([0, 150, 75]);
    expect([...svg.matchAll(/>(\d{4})<\/text>/g)].map((m) => m[1])).toEqual(['2026', '2027']);
    expect(svg).toContain('Högsta månad: 3,0 mnkr');
  });

  it("should leave out the first month's year when the next January is too close for both to be read", () => {
    const months = Array.from({ length: 24 }, (_, i) => ({
      month: `${2026 + Math.floor((i + 11) / 12)}-${String(((i + 11) % 12) + 1).padStart(2, '0')}`,
      value: i,
      valueLabel: `${i}`,
    }));
    expect(months[0].month).toBe('2026-12');

    const fromDecember = monthColumnChart('Stup', months, 'Inga stup.').value;
    const fromNovember = monthColumnChart(
      'Stup',
      [{ month: '2026-11', value: 1, valueLabel: '1' }, ...months.slice(0, 23)],
      'Inga stup.',
    ).value;

    expect([...fromDecember.matchAll(/>(\d{4})<\/text>/g)].map((m) => m[1])).toEqual(['2027', '2028']);
    expect([...fromNovember.matchAll(/>(\d{4})<\/text>/g)].map((m) => m[1])).toEqual(['2026', '2027', '2028']);
  });

  it('should say so when no month has anything', () => {
    const svg = monthColumnChart(
      'Stup',
      [{ month: '2027-01', value: 0, valueLabel: '0' }],
      'Inga finansieringsstup de kommande två åren.',
    ).value;

    expect(svg).toContain('Inga finansieringsstup de kommande två åren.');
    expect(rects(svg)).toEqual([]);
  });
});
