import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import {
  givenDepartment,
  givenDistrict,
  givenFundingLine,
  givenGoal,
  givenInitiative,
  givenTargetGroup,
} from './support/factories.js';
import { api, createTestApp, expectProblem, rowCounts, type TestAgent, type TestApp } from './support/test-app.js';

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const WRITTEN = [
  'initiatives',
  'initiative_participants',
  'initiative_goals',
  'initiative_target_groups',
  'initiative_districts',
  'funding_lines',
  'audit_events',
];

/** As Swedish Excel saves a list (BOM, `;`, CRLF), with the export's derived columns, which the import reads past. */
const csv = (...lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
const HEADER =
  'Kod;Namn;Typ;Status;Ledande förvaltning;Medverkande förvaltningar;Mål;Målgrupper;Områden;Start;Slut;Årskostnad (kr);Beredskap;' +
  'Finansieringskälla;Finansiär;Belopp (kr);Finansiering från;Finansiering till';

/** The reference data both apps of this file hold: a goal whose title has a comma, as the export joins names with ", ". */
async function givenReferenceData(ds: DataSource) {
  const a = await givenDepartment(ds, { code: 'IMP-A', name: 'Arbetsmarknadsförvaltningen' });
  const b = await givenDepartment(ds, { code: 'IMP-B', name: 'Kultur- och fritidsförvaltningen' });
  const work = await givenGoal(ds, {
    code: 'IMP-G1',
    title: 'Fler i arbete, färre i utanförskap',
    level: 'priority_area',
  });
  const safe = await givenGoal(ds, { code: 'IMP-G2', title: 'Trygg uppväxt', level: 'priority_area' });
  const young = await givenTargetGroup(ds, { code: 'IMP-TG', name: 'Unga 16–24' });
  const district = await givenDistrict(ds, { code: 'IMP-D', name: 'Kronogården' });
  return { a, b, work, safe, young, district };
}

describe('POST /initiative-imports', () => {
  let t: TestApp;
  let ref: Awaited<ReturnType<typeof givenReferenceData>>;
  const post = (who: TestAgent, body: Buffer, type = CSV, query = '') =>
    who
      .post(api(`/initiative-imports${query}`))
      .set('Content-Type', type)
      .send(body);
  const counts = () => rowCounts(t.dataSource, WRITTEN);

  beforeAll(async () => {
    t = await createTestApp();
    ref = await givenReferenceData(t.dataSource);
    await givenInitiative(t.dataSource, { code: 'IMP-TAKEN', leadDepartmentId: ref.a.id });
  });
  afterAll(() => t.close());

  const good = csv(
    HEADER,
    'IMP-UNGA;Unga till arbete;Projekt;Pågående;Arbetsmarknadsförvaltningen;Kultur- och fritidsförvaltningen;Fler i arbete, färre i utanförskap, Trygg uppväxt;Unga 16–24;Kronogården;2027-01-01;2028-12-31;1 200 000;0,5;Statsbidrag;Skolverket;800000;2027-01-01;2027-12-31',
    // IMP-UNGA's second funding line, as the export writes it: under its row, with only the code and the funding.
    'IMP-UNGA;;;;;;;;;;;;;EU-medel;ESF-rådet;250 000;2028-01-01;2028-12-31',
    'IMP-FRITID;"Fritid; för alla";metod;;imp-b;;;;;;;;;;;;;',
  );

  it('should check the file on a dry run and answer what would be imported, importing nothing', async () => {
    const before = await counts();

    const res = await post(t.admin, good, CSV, '?dryRun=true');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, rows: 3, initiatives: 2, fundingLines: 2, problems: [] });
    expect(res.body.columns).toContainEqual({ header: 'Beredskap', field: null, ignored: 'derived' });
    expect(res.body.columns).toContainEqual({ header: 'Namn', field: 'title', ignored: null });
    expect(await counts()).toEqual(before);
  });

  it('should import every row as a draft with its links and funding lines, each creation in the audit trail', async () => {
    const res = await post(t.admin, good);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: false, rows: 3, initiatives: 2, fundingLines: 2, problems: [] });
    const unga = (await t.admin.get(api('/initiatives/IMP-UNGA'))).body;
    expect(unga).toMatchObject({
      code: 'IMP-UNGA',
      title: 'Unga till arbete',
      kind: 'project',
      status: 'draft',
      leadDepartmentId: ref.a.id,
      startDate: '2027-01-01',
      endDate: '2028-12-31',
      annualCostSek: 1_200_000,
      participants: [expect.objectContaining({ departmentId: ref.b.id, role: 'partner' })],
    });
    expect(unga.goals.map((goal: { code: string }) => goal.code).sort()).toEqual(['IMP-G1', 'IMP-G2']);
    expect(unga.targetGroupCodes).toEqual(['IMP-TG']);
    expect(unga.districtCodes).toEqual(['IMP-D']);
    const lines = (await t.admin.get(api(`/initiatives/${unga.id}/funding`))).body.items;
    expect(lines).toHaveLength(2);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          sourceType: 'state_grant',
          funder: 'Skolverket',
          amountSek: 800_000,
          periodStart: '2027-01-01',
          periodEnd: '2027-12-31',
          status: 'granted',
        }),
        expect.objectContaining({
          sourceType: 'eu_fund',
          funder: 'ESF-rådet',
          amountSek: 250_000,
          periodStart: '2028-01-01',
          periodEnd: '2028-12-31',
          status: 'granted',
        }),
      ]),
    );
    expect((await t.admin.get(api('/initiatives/IMP-FRITID'))).body).toMatchObject({
      title: 'Fritid; för alla',
      kind: 'method',
      leadDepartmentId: ref.b.id,
    });
    const audited = await t.dataSource.query(
      `SELECT entity_type, action FROM audit_events WHERE initiative_id IN (SELECT id FROM initiatives WHERE code IN ('IMP-UNGA', 'IMP-FRITID')) ORDER BY entity_type`,
    );
    expect(audited).toEqual([
      { entity_type: 'funding_line', action: 'create' },
      { entity_type: 'funding_line', action: 'create' },
      { entity_type: 'initiative', action: 'create' },
      { entity_type: 'initiative', action: 'create' },
    ]);
  });

  const bad = csv(
    HEADER,
    'IMP-OK;Fungerar;;;IMP-A;;;;;;;;;;;;;',
    'IMP-TAKEN;Upptagen kod;;;Socialförvaltningen;IMP-A;Okänt mål;;;2027-13-01;;tolv;;;;;;',
    'IMP-OK;Samma kod igen;;;IMP-A;;;;;2027-05-01;2027-04-30;;;Lotto;Någon;100;2027-01-01;',
    'IMP-PNR;Familjen 19121212-1212;;;IMP-A;;;;;;;;;;;;;',
    'IMP-PNR;;;;;;;;;;;;;Statsbidrag;Skolverket;mycket;2027-01-01;2027-12-31',
  );

  it('should answer every row’s problems by row and column on a dry run', async () => {
    const res = await post(t.admin, bad, CSV, '?dryRun=true');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, rows: 5, initiatives: 0, fundingLines: 0 });
    const problems = res.body.problems.map(
      ({ row, column, message }: { row: number; column: string; message: string }) => `${row} ${column}: ${message}`,
    );
    expect(problems).toEqual([
      '3 Kod: an initiative with code IMP-TAKEN already exists',
      '3 Ledande förvaltning: no department is named or coded "Socialförvaltningen"',
      '3 Start: "2027-13-01" is not a date as YYYY-MM-DD',
      '3 Mål: no goal is named or coded "Okänt mål"',
      '3 Årskostnad (kr): "tolv" is not whole kronor',
      '4 Kod: repeats the code of row 2',
      '4 Slut: is before the start',
      '4 Finansiering till: is empty, while the row has other funding columns',
      expect.stringMatching(/^4 Finansieringskälla: "Lotto" is not one of Statsbidrag, EU-medel, /),
      '5 Namn: looks like a Swedish personal identity number; personal data about residents must not be entered',
      '6 Belopp (kr): "mycket" is not whole kronor',
    ]);
  });

  it('should refuse the import with 422 naming each row’s fields, and import nothing', async () => {
    const before = await counts();

    const res = await post(t.admin, bad);

    expectProblem(res, 422);
    expect(res.body.detail).toBe('4 rows have problems; nothing was imported.');
    expect(res.body.errors).toContainEqual({
      field: 'rows[3].leadDepartment',
      message: 'no department is named or coded "Socialförvaltningen"',
    });
    expect(res.body.errors).toContainEqual({
      field: 'rows[5].title',
      message: expect.stringContaining('personal identity number'),
    });
    expect(JSON.stringify(res.body)).not.toContain('19121212');
    expect(await counts()).toEqual(before);
  });

  it('should read an XLSX workbook whose own headers are mapped to Samla’s fields, dates as typed cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Projektlista');
    sheet.addRow(['Projektnummer', 'Projektnamn', 'Förvaltning', 'Startdatum', 'Kostnad per år', 'Kommentar']);
    sheet.addRow([
      'IMP-XLSX',
      'Läxhjälp i Kronogården',
      'Kultur- och fritidsförvaltningen',
      new Date('2027-08-15T00:00:00Z'),
      350_000,
      'från förra året',
    ]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const mapping = [
      'code:Projektnummer',
      'title:Projektnamn',
      'leadDepartment:Förvaltning',
      'startDate:Startdatum',
      'annualCostSek:Kostnad per år',
    ];

    const res = await post(
      t.admin,
      file,
      XLSX,
      `?${mapping.map((column) => `column=${encodeURIComponent(column)}`).join('&')}`,
    );

    expect(res.status).toBe(200);
    expect(res.body.columns).toContainEqual({ header: 'Kommentar', field: null, ignored: 'unknown' });
    expect((await t.admin.get(api('/initiatives/IMP-XLSX'))).body).toMatchObject({
      title: 'Läxhjälp i Kronogården',
      leadDepartmentId: ref.b.id,
      startDate: '2027-08-15',
      annualCostSek: 350_000,
      kind: 'project',
      status: 'draft',
    });
  });

  it('should refuse a file it cannot read as a whole with 400, and other media types with 415', async () => {
    const missing = await post(t.admin, csv('Kod;Namn', 'IMP-X;Utan förvaltning'));
    expectProblem(missing, 400);
    expect(missing.body.errors).toEqual([
      { field: 'column', message: 'no column gives leadDepartment (Samla\'s header: "Ledande förvaltning")' },
    ]);
    const mapped = await post(t.admin, good, CSV, '?column=title:Projektnamn');
    expectProblem(mapped, 400);
    expect(mapped.body.errors[0].message).toContain('"Projektnamn" that the file does not have');
    expectProblem(await post(t.admin, good, CSV, '?column=titel:Namn'), 400);
    expectProblem(await post(t.admin, Buffer.from('not a workbook'), XLSX), 400);
    expectProblem(await post(t.admin, csv(HEADER)), 400);
    expectProblem(await t.admin.post(api('/initiative-imports')).send({ rows: [] }), 415);
  });

  it('should be an admin’s: a department head may register initiatives one by one, not import a list', async () => {
    const head = await t.as({ role: 'department_head', department: 'IMP-A' });
    expectProblem(await post(head, good, CSV, '?dryRun=true'), 403);
  });

  it('should import Samla’s own export into an empty Samla with the same reference data', async () => {
    // A title Excel would take for a formula: the CSV export writes it as '-18…, and it must come back as it was.
    const formel = await givenInitiative(t.dataSource, {
      code: 'IMP-FORMEL',
      title: '-18 år: läxhjälp',
      leadDepartmentId: ref.b.id,
    });
    // A line applied for, not yet granted: its status must come back too.
    await givenFundingLine(t.dataSource, formel.id, {
      sourceType: 'foundation',
      funder: 'Arvsfonden',
      status: 'applied',
    });
    const exported = await t.admin
      .get(api('/portfolio/export'))
      .set('Accept', 'text/csv')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    const empty = await createTestApp();
    try {
      await givenReferenceData(empty.dataSource);

      const res = await empty.admin
        .post(api('/initiative-imports'))
        .set('Content-Type', CSV)
        .send(exported.body as Buffer);

      expect(res.status).toBe(200);
      const codes = (rows: { code: string }[]) => rows.map((row) => row.code).sort();
      const listed = async (app: TestApp) => codes((await app.admin.get(api('/initiatives?limit=200'))).body.items);
      expect(await listed(empty)).toEqual(await listed(t));
      // Every initiative's funding lines, IMP-UNGA's two among them, as they were.
      type Line = {
        sourceType: string;
        funder: string;
        amountSek: number;
        periodStart: string;
        periodEnd: string;
        status: string;
      };
      /** Per code, its lines as `source funder amount start–end status`, sorted. */
      const funding = async (app: TestApp) => {
        const byCode: Record<string, string[]> = {};
        for (const { id, code } of (await app.admin.get(api('/initiatives?limit=200'))).body.items) {
          const items: Line[] = (await app.admin.get(api(`/initiatives/${id}/funding`))).body.items;
          byCode[code] = items
            .map((l) => `${l.sourceType} ${l.funder} ${l.amountSek} ${l.periodStart}–${l.periodEnd} ${l.status}`)
            .sort();
        }
        return byCode;
      };
      const before = await funding(t);
      expect(before['IMP-UNGA']).toHaveLength(2);
      expect(before['IMP-FORMEL']).toEqual([expect.stringMatching(/^foundation Arvsfonden .* applied$/)]);
      expect(await funding(empty)).toEqual(before);
      expect((await empty.admin.get(api('/initiatives/IMP-UNGA'))).body).toMatchObject({
        title: 'Unga till arbete',
        annualCostSek: 1_200_000,
        status: 'draft',
      });
      expect((await empty.admin.get(api('/initiatives/IMP-FRITID'))).body).toMatchObject({
        title: 'Fritid; för alla',
        kind: 'method',
        leadDepartmentId: expect.any(String),
      });
      expect((await empty.admin.get(api('/initiatives/IMP-FORMEL'))).body).toMatchObject({
        title: '-18 år: läxhjälp',
        leadDepartmentCode: 'IMP-B',
      });
    } finally {
      await empty.close();
    }
  });
});
