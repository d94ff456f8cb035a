import ExcelJS from 'exceljs';
import { calendarDateIn } from '#common';
import {
  givenAlert,
  givenDepartment,
  givenDistrict,
  givenFundingLine,
  givenGoal,
  givenInitiative,
  givenTargetGroup,
} from './support/factories.js';
import { givenIndicator, givenIndicatorValue } from './support/indicator-factories.js';
import { api, createTestApp, expectProblem, request, type TestAgent, type TestApp } from './support/test-app.js';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const INITIATIVE_HEADERS = [
  'Kod',
  'Namn',
  'Typ',
  'Status',
  'Ledande förvaltning',
  'Medverkande förvaltningar',
  'Prioriterade områden',
  'Mål',
  'Målgrupper',
  'Områden',
  'Start',
  'Slut',
  'Årskostnad (kr)',
  'Varav tillfällig finansiering (kr/år)',
  'Tillfällig andel',
  'Tillfällig finansiering slutar utan efterföljare',
  'Öppna larm',
  'Beredskap',
  'Beredskap saknas',
  'Finansieringskälla',
  'Finansiär',
  'Belopp (kr)',
  'Finansiering från',
  'Finansiering till',
  'Finansieringsstatus',
];
/** The funding columns of an initiative without funding lines. */
const NO_FUNDING = Array.from({ length: 6 }, () => '');
/** The initiative columns a row under an initiative leaves empty: all but the code. */
const UNDER = Array.from({ length: 18 }, () => '');
const INDICATOR_HEADERS = [
  'Insatskod',
  'Insats',
  'Indikatorkod',
  'Indikator',
  'Enhet',
  'Nedbrytning',
  'Period',
  'Värde',
  'Antal personer',
  'Baslinjeperiod',
  'Baslinje',
  'Målperiod',
  'Målvärde',
  'Undertryckt',
];

/** A strict reader of the export's CSV dialect: `;`, CRLF, `"` quoting with doubled quotes, line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '\n') throw new Error(`a bare LF at ${i}`);
    else field += c;
  }
  if (field !== '' || row.length) throw new Error('the last line has no CRLF');
  return rows;
}

const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * Two initiatives, every exported figure computed by hand. I1 (active, lead A): a state grant of 600,000 kr over this
 * year (50,000 a month → 600,000 a year) beside 1,800,000 kr of ordinary budget → temporary share 0.25; two open
 * alerts and a dismissed one; readiness 4/8 (no process owner, no effect logic, no report, the grant undecided). Its
 * plan's indicator (owned by A) has 41.5 for everyone (120 persons) and 38 for women resting on 3 persons.
 * I2 (draft, lead B): a title that needs quoting, nothing else.
 */
describe('GET /portfolio/export', () => {
  let t: TestApp;
  const Y = Number(calendarDateIn(new Date(), 'Europe/Stockholm').slice(0, 4));
  const today = calendarDateIn(new Date(), 'Europe/Stockholm');
  let ids: Record<string, string>;
  let ownHead: TestAgent;
  let otherHead: TestAgent;
  let leadership: TestAgent;
  const awkward = 'Sommarjobb; "Unga i arbete"\nfas 2';

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.dataSource;
    const a = await givenDepartment(ds, { code: 'EXP-A', name: 'Arbetsmarknadsförvaltningen' });
    const b = await givenDepartment(ds, { code: 'EXP-B', name: 'Barn- och utbildningsförvaltningen' });
    const pa = await givenGoal(ds, { code: 'EXP-PA', title: 'Trygghet', level: 'priority_area' });
    const sub = await givenGoal(ds, {
      code: 'EXP-SUB',
      title: 'Fler unga i arbete',
      level: 'sub_goal',
      parentId: pa.id,
    });
    const tg = await givenTargetGroup(ds, { code: 'EXP-TG', name: 'Unga 16–24' });
    const district = await givenDistrict(ds, { code: 'EXP-D', name: 'Kronogården' });
    const indicator = await givenIndicator(ds, a.id, { code: 'EXP-IND', name: 'Andel unga i arbete' });
    await givenIndicatorValue(ds, indicator.id, `${Y - 1}`, 41.5, { persons: 120 });
    await givenIndicatorValue(ds, indicator.id, `${Y - 2}`, 40, { persons: 110 });
    await givenIndicatorValue(ds, indicator.id, `${Y - 1}`, 38, { cell: 'sex:women', persons: 3 });
    await givenIndicatorValue(ds, indicator.id, `${Y - 3}`, 35, { kind: 'baseline', persons: 100 });
    await givenIndicatorValue(ds, indicator.id, `${Y + 1}`, 50, { kind: 'target' });
    const plan = {
      method: 'Lägesrapport',
      frequency: 'quarterly' as const,
      responsible: 'Processägaren',
      firstReportDue: null,
      indicatorIds: [indicator.id],
    };
    const i1 = await givenInitiative(
      ds,
      {
        code: 'EXP-I1',
        title: 'Unga in i arbete',
        status: 'active',
        leadDepartmentId: a.id,
        processOwner: null,
        followUpPlan: plan,
        startDate: `${Y}-01-01`,
        endDate: `${Y + 2}-12-31`,
        annualCostSek: 2_400_000,
      },
      {
        goalIds: [sub.id],
        targetGroupIds: [tg.id],
        districtIds: [district.id],
        participants: [{ departmentId: b.id, role: 'co_owner', responsibility: 'Skolspåret' }],
      },
    );
    await givenFundingLine(ds, i1.id, {
      sourceType: 'state_grant',
      amountSek: 600_000,
      periodStart: `${Y}-01-01`,
      periodEnd: `${Y}-12-31`,
    });
    await givenFundingLine(ds, i1.id, {
      sourceType: 'ordinary_budget',
      funder: 'Kommunstyrelsen',
      amountSek: 1_800_000,
      periodStart: `${Y}-01-01`,
      periodEnd: `${Y}-12-31`,
    });
    await givenAlert(ds, i1.id);
    await givenAlert(ds, i1.id, { severity: 'critical' });
    await givenAlert(ds, i1.id, { status: 'dismissed' });
    const i2 = await givenInitiative(ds, { code: 'EXP-I2', title: awkward, status: 'draft', leadDepartmentId: b.id });
    ids = { a: a.id, b: b.id, i1: i1.id, i2: i2.id };
    ownHead = await t.as({ role: 'department_head', department: 'EXP-A' });
    otherHead = await t.as({ role: 'department_head', department: 'EXP-B' });
    leadership = await t.as({ role: 'leadership' });
  });
  afterAll(() => t.close());

  const get = (who: TestAgent, accept: string, query = '') =>
    who
      .get(api(`/portfolio/export${query}`))
      .set('Accept', accept)
      .buffer(true)
      .parse(binary);
  const csv = async (who: TestAgent, query = '') => {
    const res = await get(who, CSV, query);
    expect(res.status).toBe(200);
    return { res, rows: parseCsv((res.body as Buffer).toString('utf8').slice(1)), raw: res.body as Buffer };
  };
  const workbook = async (who: TestAgent, query = '') => {
    const res = await get(who, XLSX, query);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    return { res, wb };
  };

  it('should write the initiatives as a CSV Swedish Excel opens: BOM, semicolons, CRLF, quoting, exact figures', async () => {
    const { res, rows, raw } = await csv(t.admin);
    const thisYear = (source: string, funder: string, amount: string) =>
      [source, funder, amount, `${Y}-01-01`, `${Y}-12-31`, 'Beviljad'] as const;

    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="samla-portfolj-${today}.csv"`);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.toString('utf8')).toContain(`"Sommarjobb; ""Unga i arbete""\nfas 2"`);
    expect(rows[0]).toEqual(INITIATIVE_HEADERS);
    expect(rows.slice(1)).toEqual([
      [
        'EXP-I1',
        'Unga in i arbete',
        'Projekt',
        'Pågående',
        'Arbetsmarknadsförvaltningen',
        'Barn- och utbildningsförvaltningen',
        'Trygghet',
        'Fler unga i arbete',
        'Unga 16–24',
        'Kronogården',
        `${Y}-01-01`,
        `${Y + 2}-12-31`,
        '2400000',
        '600000',
        '0,25',
        `${Y}-12-31`,
        '2',
        '0,5',
        'processägare, effektlogik med baslinje, rapport i tid, beslut om fortsatt finansiering',
        ...thisYear('Ordinarie budget', 'Kommunstyrelsen', '1800000'),
      ],
      // I1's second funding line under it, with only the code, so sums of the initiative columns count I1 once.
      ['EXP-I1', ...UNDER, ...thisYear('Statsbidrag', 'Länsstyrelsen Västra Götaland', '600000')],
      [
        'EXP-I2',
        awkward,
        'Projekt',
        'Utkast',
        'Barn- och utbildningsförvaltningen',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '0',
        '',
        '',
        '0',
        '',
        '',
        ...NO_FUNDING,
      ],
    ]);
  });

  it("should honour the initiative list's filters", async () => {
    const byLead = await csv(t.admin, `?leadDepartmentId=${ids.b}`);
    expect(byLead.rows.slice(1).map((r) => r[0])).toEqual(['EXP-I2']);

    const byStatus = await csv(t.admin, '?status=active,approved&table=indicators');
    expect(byStatus.rows.slice(1).map((r) => r[0])).toEqual(['EXP-I1', 'EXP-I1']);

    const none = await csv(t.admin, '?targetGroup=NO-SUCH');
    expect(none.rows).toEqual([INITIATIVE_HEADERS]);
  });

  it('should show small counts in the indicator table to the owning department and suppress them for everyone else', async () => {
    const all = [
      `EXP-I1`,
      'Unga in i arbete',
      'EXP-IND',
      'Andel unga i arbete',
      'procent',
      'all',
      `${Y - 1}`,
      '41,5',
      '120',
      `${Y - 3}`,
      '35',
      `${Y + 1}`,
      '50',
      'nej',
    ];
    const own = await csv(ownHead, '?table=indicators');
    expect(own.rows).toEqual([
      INDICATOR_HEADERS,
      all,
      [
        'EXP-I1',
        'Unga in i arbete',
        'EXP-IND',
        'Andel unga i arbete',
        'procent',
        'sex:women',
        `${Y - 1}`,
        '38',
        '3',
        '',
        '',
        '',
        '',
        'nej',
      ],
    ]);
    for (const viewer of [leadership, otherHead]) {
      const other = await csv(viewer, '?table=indicators');
      expect(other.rows).toEqual([
        INDICATOR_HEADERS,
        all,
        [
          'EXP-I1',
          'Unga in i arbete',
          'EXP-IND',
          'Andel unga i arbete',
          'procent',
          'sex:women',
          `${Y - 1}`,
          '',
          '',
          '',
          '',
          '',
          '',
          'ja',
        ],
      ]);
    }
  });

  it('should write a workbook with typed cells, a bold frozen header and the same suppression', async () => {
    const { res, wb } = await workbook(ownHead);

    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="samla-portfolj-${today}.xlsx"`);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Insatser', 'Indikatorer']);
    const sheet = wb.getWorksheet('Insatser')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(INITIATIVE_HEADERS);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(4);
    const i1 = sheet.getRow(2);
    expect(i1.getCell(1).value).toBe('EXP-I1');
    expect(i1.getCell(13).value).toBe(2_400_000);
    expect(i1.getCell(15).value).toBe(0.25);
    expect(i1.getCell(11).value).toEqual(new Date(`${Y}-01-01T00:00:00Z`));
    expect(i1.getCell(22).value).toBe(1_800_000);
    expect(i1.getCell(23).value).toEqual(new Date(`${Y}-01-01T00:00:00Z`));
    const under = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(under).toEqual([
      'EXP-I1',
      ...UNDER.map(() => undefined),
      'Statsbidrag',
      'Länsstyrelsen Västra Götaland',
      600_000,
      new Date(`${Y}-01-01T00:00:00Z`),
      new Date(`${Y}-12-31T00:00:00Z`),
      'Beviljad',
    ]);
    expect(sheet.getRow(4).getCell(2).value).toBe(awkward);

    const women = (book: ExcelJS.Workbook) =>
      (book.getWorksheet('Indikatorer')!.getRow(3).values as unknown[]).slice(6);
    expect((wb.getWorksheet('Indikatorer')!.getRow(1).values as unknown[]).slice(1)).toEqual(INDICATOR_HEADERS);
    expect(women(wb)).toEqual(['sex:women', `${Y - 1}`, 38, 3, undefined, undefined, undefined, undefined, 'nej']);
    expect(women((await workbook(leadership)).wb)).toEqual([
      'sex:women',
      `${Y - 1}`,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      'ja',
    ]);
  });

  it.each([
    { format: 'xlsx', accept: CSV, type: XLSX },
    { format: 'csv', accept: XLSX, type: 'text/csv; charset=utf-8' },
    { format: 'xlsx', accept: 'application/pdf', type: XLSX },
  ])(
    'should write $format when format=$format is asked for, whatever Accept ($accept) says',
    async ({ format, accept, type }) => {
      const res = await get(t.admin, accept, `?format=${format}`);

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="samla-portfolj-${today}.${format}"`);
    },
  );

  it('should write the filtered portfolio as a workbook when format=xlsx comes with filters and Accept */*', async () => {
    const byQuery = await get(t.admin, '*/*', `?format=xlsx&leadDepartmentId=${ids.b}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(byQuery.body);

    expect(book.getWorksheet('Insatser')!.getRow(2).getCell(1).value).toBe('EXP-I2');
    expect(book.getWorksheet('Insatser')!.rowCount).toBe(2);
  });

  it('should answer 400 naming format and write no file when format is neither csv nor xlsx', async () => {
    const res = await t.admin.get(api('/portfolio/export?format=pdf')).set('Accept', CSV);

    expectProblem(res, 400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'format' })]);
  });

  it('should refuse a media type it cannot write (406) and bad filters (400) with problem+json', async () => {
    expectProblem(await t.admin.get(api('/portfolio/export')).set('Accept', 'application/pdf'), 406);
    const bad = await t.admin
      .get(api('/portfolio/export?status=flying&leadDepartmentId=x&table=all'))
      .set('Accept', CSV);
    expectProblem(bad, 400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'leadDepartmentId',
      'status',
      'table',
    ]);
  });

  it('should turn away the anonymous', async () => {
    expectProblem(await request(t.http).get(api('/portfolio/export')).set('Accept', CSV), 401);
  });
});
