import { createHash, randomUUID } from 'node:crypto';
import { budgetLine, givenApiKey, putBudgetLines } from './support/budget-factories.js';
import { api, createTestApp, expectProblem, request, rowCounts, type TestApp } from './support/test-app.js';

describe('Budget system integration: dimensions and lines', () => {
  let t: TestApp;
  let writer: string;

  const counts = () =>
    rowCounts(t.dataSource, [
      'budget_lines',
      'audit_events',
      'idempotency_keys',
      'budget_dimensions',
      'budget_dimension_codes',
    ]);
  const amountsIn = async (period: string) =>
    (
      await t.dataSource.query(
        `SELECT kind, dimensions, amount_sek::int AS amount FROM budget_lines WHERE period = $1::date ORDER BY kind, dimensions ->> 'ansvar', dimensions ->> 'verksamhet', dimensions ? 'projekt'`,
        [`${period}-01`],
      )
    ).map((r: { kind: string; dimensions: Record<string, string>; amount: number }) => [
      r.kind,
      r.dimensions,
      r.amount,
    ]);

  beforeAll(async () => {
    t = await createTestApp();
    writer = await givenApiKey(t, ['budget:write', 'budget:read']);
    const dims = await request(t.http)
      .put(api('/integrations/budget/dimensions'))
      .set('X-Api-Key', writer)
      .send({
        dimensions: [
          { code: 'ansvar', label: 'Ansvar', position: 1, validatesCodes: true },
          { code: 'verksamhet', label: 'Verksamhet', position: 2 },
          { code: 'projekt', label: 'Projekt', position: 3, required: false, validatesCodes: true },
        ],
      });
    expect(dims.status).toBe(200);
    const codes = await request(t.http)
      .put(api('/integrations/budget/dimensions/ansvar/codes'))
      .set('X-Api-Key', writer)
      .send({
        codes: [
          { code: '1100', label: 'Kommunstyrelsen' },
          { code: '1200', label: 'Socialnämnden (upphör)', validTo: '2026-02-15' },
          { code: '1300', label: 'Arbetsmarknadsnämnden', validFrom: '2026-04-01' },
        ],
      });
    expect(codes.body).toEqual({ dimension: 'ansvar', codes: 3, inserted: 3, updated: 0, removed: 0 });
    await request(t.http)
      .put(api('/integrations/budget/dimensions/projekt/codes'))
      .set('X-Api-Key', writer)
      .send({ codes: [{ code: 'P1', label: 'Unga till arbete' }] })
      .expect(200);
  });

  afterAll(() => t.close());

  describe('dimensions', () => {
    it('should list the dimensions in coding-string order', async () => {
      const res = await request(t.http).get(api('/integrations/budget/dimensions')).set('X-Api-Key', writer);
      expect(res.status).toBe(200);
      expect(res.body.dimensions).toEqual([
        { code: 'ansvar', label: 'Ansvar', position: 1, required: true, validatesCodes: true },
        { code: 'verksamhet', label: 'Verksamhet', position: 2, required: true, validatesCodes: false },
        { code: 'projekt', label: 'Projekt', position: 3, required: false, validatesCodes: true },
      ]);
    });

    it('should replace a code list with exact counts and one audit event, and list it back', async () => {
      await request(t.http)
        .put(api('/integrations/budget/dimensions'))
        .set('X-Api-Key', writer)
        .send({
          dimensions: [
            { code: 'ansvar', label: 'Ansvar', position: 1, validatesCodes: true },
            { code: 'verksamhet', label: 'Verksamhet', position: 2 },
            { code: 'projekt', label: 'Projekt', position: 3, required: false, validatesCodes: true },
            { code: 'motpart', label: 'Motpart', position: 4, required: false },
          ],
        })
        .expect(200);
      const path = api('/integrations/budget/dimensions/motpart/codes');
      await t.admin
        .put(path)
        .send({
          codes: [
            { code: '000', label: 'Extern' },
            { code: '100', label: 'Intern' },
            { code: '200', label: 'Region' },
          ],
        })
        .expect(200);
      const before = await counts();
      const res = await t.admin.put(path).send({
        codes: [
          { code: '000', label: 'Extern' },
          { code: '100', label: 'Intern motpart' },
          { code: '300', label: 'Staten', validFrom: '2026-01-01', validTo: '2026-12-31' },
        ],
      });
      expect(res.body).toEqual({ dimension: 'motpart', codes: 3, inserted: 1, updated: 1, removed: 1 });
      expect((await counts()).audit_events).toBe(before.audit_events + 1);
      const [event] = await t.dataSource.query(
        `SELECT action, changes FROM audit_events WHERE entity_type = 'budget_dimension' AND entity_id = 'motpart' ORDER BY id DESC LIMIT 1`,
      );
      // Still three codes, so `codes` itself did not change.
      expect(event).toEqual({
        action: 'update',
        changes: {
          codesInserted: { before: null, after: 1 },
          codesUpdated: { before: null, after: 1 },
          codesRemoved: { before: null, after: 1 },
        },
      });
      const list = await t.admin.get(path);
      expect(list.body.codes).toEqual([
        { code: '000', label: 'Extern', validFrom: null, validTo: null },
        { code: '100', label: 'Intern motpart', validFrom: null, validTo: null },
        { code: '300', label: 'Staten', validFrom: '2026-01-01', validTo: '2026-12-31' },
      ]);
    });

    it('should remove a dimension left out of the set with its codes, auditing each change', async () => {
      await t.admin.put(api('/integrations/budget/dimensions')).send({
        dimensions: [
          { code: 'ansvar', label: 'Ansvar', position: 1, validatesCodes: true },
          { code: 'verksamhet', label: 'Verksamhet', position: 2 },
          { code: 'projekt', label: 'Projekt', position: 3, required: false, validatesCodes: true },
          { code: 'motpart', label: 'Motpart', position: 4, required: false },
        ],
      });
      const before = await counts();
      const res = await t.admin.put(api('/integrations/budget/dimensions')).send({
        dimensions: [
          { code: 'ansvar', label: 'Ansvar', position: 1, validatesCodes: true },
          { code: 'verksamhet', label: 'Verksamhet', position: 2 },
          {
            code: 'projekt',
            label: 'Projekt (investering och drift)',
            position: 3,
            required: false,
            validatesCodes: true,
          },
        ],
      });
      expect(res.status).toBe(200);
      const after = await counts();
      expect(after.budget_dimensions).toBe(3);
      expect(after.budget_dimension_codes).toBe(before.budget_dimension_codes - 3);
      expect(after.audit_events).toBe(before.audit_events + 2);
      const events = await t.dataSource.query(
        `SELECT action, entity_id FROM audit_events WHERE entity_type = 'budget_dimension' ORDER BY id DESC LIMIT 2`,
      );
      expect(events).toEqual([
        { action: 'update', entity_id: 'projekt' },
        { action: 'delete', entity_id: 'motpart' },
      ]);
    });

    it('should refuse invalid dimensions and code lists with 400, and an unknown dimension with 404, writing nothing', async () => {
      const before = await counts();
      const dup = await t.admin.put(api('/integrations/budget/dimensions')).send({
        dimensions: [
          { code: 'ansvar', label: 'Ansvar', position: 1 },
          { code: 'Konto', label: 'Konto', position: 1 },
        ],
      });
      expectProblem(dup, 400);
      expect(dup.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'dimensions',
        'dimensions[1].code',
      ]);
      expectProblem(
        await t.admin
          .put(api('/integrations/budget/dimensions/ansvar/codes'))
          .send({ codes: [{ code: '1100', label: 'x', validFrom: '2026-02-01', validTo: '2026-01-31' }] }),
        400,
      );
      expectProblem(
        await t.admin
          .put(api('/integrations/budget/dimensions/ansvar/codes'))
          .send({ codes: [{ code: ' 1100', label: 'x' }] }),
        400,
      );
      expectProblem(await t.admin.put(api('/integrations/budget/dimensions/konto/codes')).send({ codes: [] }), 404);
      expect(await counts()).toEqual(before);
    });
  });

  describe('PUT /integrations/budget/lines', () => {
    it('should insert, then on a resend count updated and unchanged lines exactly (upsert on the natural key)', async () => {
      const first = await putBudgetLines(t, writer, randomUUID(), {
        lines: [
          budgetLine({ period: '2025-01', amountSek: 1000 }),
          budgetLine({ period: '2025-01', amountSek: 2000, dimensions: { ansvar: '1100', verksamhet: '4130' } }),
          budgetLine({ kind: 'budget', period: '2025-01', amountSek: 5000 }),
        ],
      });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ lines: 3, inserted: 3, updated: 0, unchanged: 0 });
      const resend = await putBudgetLines(t, writer, randomUUID(), {
        lines: [
          budgetLine({ period: '2025-01', amountSek: 1500 }),
          // Same natural key with the dimensions in another order: the same line.
          budgetLine({ period: '2025-01', amountSek: 2000, dimensions: { verksamhet: '4130', ansvar: '1100' } }),
          budgetLine({ kind: 'budget', period: '2025-01', amountSek: 5000 }),
          budgetLine({
            period: '2025-01',
            amountSek: -300,
            dimensions: { ansvar: '1100', verksamhet: '4120', projekt: 'P1' },
          }),
        ],
      });
      expect(resend.body).toEqual({ lines: 4, inserted: 1, updated: 1, unchanged: 2 });
      expect(await amountsIn('2025-01')).toEqual([
        ['actual', { ansvar: '1100', verksamhet: '4120' }, 1500],
        ['actual', { ansvar: '1100', verksamhet: '4120', projekt: 'P1' }, -300],
        ['actual', { ansvar: '1100', verksamhet: '4130' }, 2000],
        ['budget', { ansvar: '1100', verksamhet: '4120' }, 5000],
      ]);
      const [event] = await t.dataSource.query(
        `SELECT actor_kind, action, changes FROM audit_events WHERE entity_type = 'budget_line_batch' ORDER BY id DESC LIMIT 1`,
      );
      expect(event).toEqual({
        actor_kind: 'api_key',
        action: 'create',
        changes: { lines: { after: 4 }, inserted: { after: 1 }, updated: { after: 1 }, unchanged: { after: 2 } },
      });
    });

    it('should keep one line per natural key whoever writes it, the dimensions compared by content whatever their order', async () => {
      // The unique index holds the dimensions' jsonb text (migration BudgetLinesTextKey), which jsonb makes the same
      // for the same content: a row written by hand with the keys in another order and other spacing is a duplicate.
      const verksamhet = 'Å "1" \\ 2';
      await putBudgetLines(t, writer, randomUUID(), {
        lines: [budgetLine({ period: '2025-06', amountSek: 600, dimensions: { ansvar: '1100', verksamhet } })],
      }).expect(200);
      const insertByHand = (dimensions: string) =>
        t.dataSource.query(
          `INSERT INTO budget_lines (kind, period, dimensions, amount_sek) VALUES ('actual', '2025-06-01', $1::jsonb, 1)`,
          [dimensions],
        );
      await expect(
        insertByHand(`{ "verksamhet": ${JSON.stringify(verksamhet)},  "ansvar": "1100" }`),
      ).rejects.toMatchObject({
        driverError: { code: '23505', constraint: 'uq_budget_lines_natural_key' },
      });
      // One more dimension: another line.
      await insertByHand(JSON.stringify({ projekt: 'P1', verksamhet, ansvar: '1100' }));
      const resend = await putBudgetLines(t, writer, randomUUID(), {
        lines: [
          budgetLine({ period: '2025-06', amountSek: 600, dimensions: { verksamhet, ansvar: '1100' } }),
          budgetLine({ period: '2025-06', amountSek: 2, dimensions: { ansvar: '1100', projekt: 'P1', verksamhet } }),
        ],
      });
      expect(resend.body).toEqual({ lines: 2, inserted: 0, updated: 1, unchanged: 1 });
      expect(await amountsIn('2025-06')).toEqual([
        ['actual', { ansvar: '1100', verksamhet }, 600],
        ['actual', { ansvar: '1100', verksamhet, projekt: 'P1' }, 2],
      ]);
    });

    it('should replay the first response for the same key and body without writing again', async () => {
      const key = randomUUID();
      const body = {
        lines: [
          budgetLine({ period: '2025-02', amountSek: 700 }),
          budgetLine({ period: '2025-02', kind: 'budget', amountSek: 900 }),
        ],
      };
      const first = await putBudgetLines(t, writer, key, body);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ lines: 2, inserted: 2, updated: 0, unchanged: 0 });
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const before = await counts();
      // The key is bound to the sha256 of the bytes received, which a retry resends unchanged.
      const [{ request_hash }] = await t.dataSource.query(`SELECT request_hash FROM idempotency_keys WHERE key = $1`, [
        key,
      ]);
      expect(request_hash).toBe(createHash('sha256').update(JSON.stringify(body)).digest('hex'));
      const replay = await putBudgetLines(t, writer, key, body);
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual(first.body);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(await counts()).toEqual(before);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'budget_line_batch' AND entity_id = $1`,
        [key],
      );
      expect(n).toBe(1);
    });

    it('should answer 422 for the same key with another body, and 400 without a key, writing nothing', async () => {
      const key = randomUUID();
      await putBudgetLines(t, writer, key, { lines: [budgetLine({ period: '2025-03' })] }).expect(200);
      const before = await counts();
      const other = await putBudgetLines(t, writer, key, { lines: [budgetLine({ period: '2025-03', amountSek: 1 })] });
      expectProblem(other, 422);
      expect(other.body.type).toBe('/problems/idempotency-key-reused');
      // The same lines with their fields in another order are other bytes, so another body (docs/integration.md).
      const { kind, period, amountSek, dimensions } = budgetLine({ period: '2025-03' });
      const reordered = await putBudgetLines(t, writer, key, { lines: [{ dimensions, amountSek, period, kind }] });
      expectProblem(reordered, 422);
      expect(reordered.body.type).toBe('/problems/idempotency-key-reused');
      const missing = await putBudgetLines(t, writer, null, {
        lines: [budgetLine({ period: '2025-03', amountSek: 1 })],
      });
      expectProblem(missing, 400);
      expect(missing.body.errors).toEqual([
        { field: 'Idempotency-Key', message: 'required header: 1–200 visible ASCII characters, e.g. a UUID' },
      ]);
      expect(await counts()).toEqual(before);
      expect(await amountsIn('2025-03')).toEqual([['actual', { ansvar: '1100', verksamhet: '4120' }, 1000]]);
    });

    it('should answer 409 for the same key while the first request is still running, then replay it once done', async () => {
      const key = randomUUID();
      const body = { lines: [budgetLine({ period: '2025-04', amountSek: 4400 })] };
      // The test holds a lock that stops the first request at its upsert, with its key claimed and locked.
      const blocker = t.dataSource.createQueryRunner();
      await blocker.connect();
      await blocker.startTransaction();
      await blocker.query('LOCK TABLE budget_lines IN SHARE MODE');
      const first = putBudgetLines(t, writer, key, body).then((res) => res);
      try {
        await waitUntil(
          async () =>
            (
              await t.dataSource.query(
                `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = 'budget_lines'::regclass`,
              )
            )[0].n === 1,
        );
        const second = await putBudgetLines(t, writer, key, body);
        expectProblem(second, 409);
        expect(second.body.detail).toMatch(/still being processed/);
      } finally {
        await blocker.commitTransaction();
        await blocker.release();
      }
      expect((await first).body).toEqual({ lines: 1, inserted: 1, updated: 0, unchanged: 0 });
      const again = await putBudgetLines(t, writer, key, body);
      expect(again.status).toBe(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(await amountsIn('2025-04')).toEqual([['actual', { ansvar: '1100', verksamhet: '4120' }, 4400]]);
    });

    it('should write two batches with the same new line one after the other, counting it once inserted and once unchanged', async () => {
      const body = { lines: [budgetLine({ period: '2025-10', amountSek: 5100 })] };
      // The test holds the batches' advisory lock, so both requests check their lines and then wait to write.
      const blocker = t.dataSource.createQueryRunner();
      await blocker.connect();
      await blocker.startTransaction();
      await blocker.query(`SELECT pg_advisory_xact_lock(hashtext('budget_lines'))`);
      const both = Promise.all([
        putBudgetLines(t, writer, randomUUID(), body).then((res) => res),
        putBudgetLines(t, writer, randomUUID(), body).then((res) => res),
      ]);
      try {
        await waitUntil(
          async () =>
            (
              await t.dataSource.query(
                `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND locktype = 'advisory'
                   AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                   AND objid = hashtext('budget_lines')::oid`,
              )
            )[0].n === 2,
        );
      } finally {
        await blocker.commitTransaction();
        await blocker.release();
      }
      const answers = (await both).map((res) => [res.status, res.body]);
      expect(answers).toEqual(
        expect.arrayContaining([
          [200, { lines: 1, inserted: 1, updated: 0, unchanged: 0 }],
          [200, { lines: 1, inserted: 0, updated: 0, unchanged: 1 }],
        ]),
      );
      expect(await amountsIn('2025-10')).toEqual([['actual', { ansvar: '1100', verksamhet: '4120' }, 5100]]);
    });

    it('should refuse a whole batch with any invalid line, listing every bad line by index and reason, and give the key back', async () => {
      const key = randomUUID();
      const before = await counts();
      const res = await putBudgetLines(t, writer, key, {
        lines: [
          budgetLine({ period: '2025-05' }),
          budgetLine({ period: '2025-5' }),
          budgetLine({ period: '2025-05', amountSek: 12.5 }),
          budgetLine({ period: '2025-05', kind: 'prognos', dimensions: { ansvar: '1100' } }),
          budgetLine({ period: '2025-05', dimensions: { ansvar: '9999', verksamhet: '4120', konto: '4010' } }),
          budgetLine({ period: '2025-05', dimensions: { ansvar: '9999', verksamhet: '4120', projekt: 'P404' } }),
          budgetLine({ period: '2025-05', amountSek: 5 }),
        ],
      });
      expectProblem(res, 422);
      expect(res.body.type).toBe('/problems/invalid-budget-lines');
      expect(res.body.detail).toBe('The batch has 8 errors in its 7 lines, so none was written.');
      expect(res.body.errors).toEqual([
        { field: 'lines[1].period', message: 'must be a month, YYYY-MM' },
        { field: 'lines[2].amountSek', message: 'must be a whole number of kronor' },
        { field: 'lines[3].kind', message: 'must be budget or actual' },
        { field: 'lines[3].dimensions.verksamhet', message: 'missing: the dimension is required' },
        { field: 'lines[4].dimensions.konto', message: 'unknown dimension' },
        { field: 'lines[5].dimensions.ansvar', message: 'unknown code 9999' },
        { field: 'lines[5].dimensions.projekt', message: 'unknown code P404' },
        { field: 'lines[6]', message: 'same kind, period and dimensions as lines[0]' },
      ]);
      expect(await counts()).toEqual(before);
      // Refused: the key is free again, so the corrected batch may reuse it.
      const fixed = await putBudgetLines(t, writer, key, { lines: [budgetLine({ period: '2025-05' })] });
      expect(fixed.body).toEqual({ lines: 1, inserted: 1, updated: 0, unchanged: 0 });
    });

    it('should cap the listed errors at 1,000 and say how many there were', async () => {
      const lines = Array.from({ length: 1500 }, (_, i) =>
        budgetLine({ period: '2025-06', dimensions: { ansvar: '9999', verksamhet: `V${i}` } }),
      );
      lines.push(budgetLine({ period: '2025-6' }));
      const res = await putBudgetLines(t, writer, randomUUID(), { lines });
      expectProblem(res, 422);
      expect(res.body.detail).toBe(
        'The batch has 1501 errors in its 1501 lines, so none was written. The first 1000 are listed.',
      );
      expect(res.body.errors).toHaveLength(1000);
      expect(res.body.errors[999]).toEqual({ field: 'lines[999].dimensions.ansvar', message: 'unknown code 9999' });
    });

    it("should judge codes by their validity in the line's month (valid when the validity overlaps it)", async () => {
      const line = (period: string, ansvar: string) =>
        budgetLine({ period, dimensions: { ansvar, verksamhet: '9000' } });
      const res = await putBudgetLines(t, writer, randomUUID(), {
        lines: [
          line('2026-02', '1200'),
          line('2026-03', '1200'),
          line('2026-03', '1300'),
          line('2026-04', '1300'),
          line('2030-12', '1100'),
        ],
      });
      expectProblem(res, 422);
      expect(res.body.errors).toEqual([
        { field: 'lines[1].dimensions.ansvar', message: "code 1200 is not valid in the line's period" },
        { field: 'lines[2].dimensions.ansvar', message: "code 1300 is not valid in the line's period" },
      ]);
      const ok = await putBudgetLines(t, writer, randomUUID(), {
        lines: [line('2026-02', '1200'), line('2026-04', '1300'), line('2030-12', '1100')],
      });
      expect(ok.body).toEqual({ lines: 3, inserted: 3, updated: 0, unchanged: 0 });
    });

    it('should refuse a body that is not a batch of 1–50,000 lines with 400', async () => {
      const before = await counts();
      const notBatch = await putBudgetLines(t, writer, randomUUID(), [budgetLine()]);
      expectProblem(notBatch, 400);
      const empty = await putBudgetLines(t, writer, randomUUID(), { lines: [], extra: 1 });
      expect(empty.body.errors).toEqual([
        { field: 'extra', message: 'unknown field' },
        { field: 'lines', message: 'must be an array of 1–50000 lines' },
      ]);
      expectProblem(
        await putBudgetLines(t, writer, randomUUID(), { lines: Array.from({ length: 50_001 }, () => ({})) }),
        400,
      );
      expect(await counts()).toEqual(before);
    });

    it('should take 50,000 lines (a body far above the 1 MB limit elsewhere) in one batch, then count them unchanged', async () => {
      const lines = Array.from({ length: 50_000 }, (_, i) =>
        budgetLine({
          period: `2024-${String((i % 12) + 1).padStart(2, '0')}`,
          amountSek: i,
          dimensions: { ansvar: '1100', verksamhet: `V${Math.floor(i / 12)}`, projekt: 'P1' },
        }),
      );
      const started = Date.now();
      const res = await putBudgetLines(t, writer, randomUUID(), { lines });
      expect(res.body).toEqual({ lines: 50_000, inserted: 50_000, updated: 0, unchanged: 0 });
      const again = await putBudgetLines(t, writer, randomUUID(), { lines });
      expect(again.body).toEqual({ lines: 50_000, inserted: 0, updated: 0, unchanged: 50_000 });
      // Generous for a shared CI machine; the benchmark measures it properly.
      expect(Date.now() - started).toBeLessThan(30_000);
    });

    it('should delete keys older than 24 hours when a key is claimed, and keep younger ones', async () => {
      await t.dataSource.query(
        `INSERT INTO idempotency_keys (client_id, key, request_hash, state, response_status, response_body, created_at)
         VALUES ('api_key:old', 'k-25h', repeat('a', 64), 'done', 200, '{}', now() - interval '25 hours'),
                ('api_key:old', 'k-23h', repeat('a', 64), 'done', 200, '{}', now() - interval '23 hours')`,
      );
      await putBudgetLines(t, writer, randomUUID(), { lines: [budgetLine({ period: '2025-07' })] }).expect(200);
      const left = await t.dataSource.query(`SELECT key FROM idempotency_keys WHERE client_id = 'api_key:old'`);
      expect(left).toEqual([{ key: 'k-23h' }]);
    });
  });

  describe('scopes', () => {
    it('should accept budget:write and budget:read as API key scopes', async () => {
      const res = await t.admin
        .post(api('/api-keys'))
        .send({ name: 'Hypergene', scopes: ['budget:write', 'budget:read'] });
      expect(res.status).toBe(201);
      expect(res.body.scopes).toEqual(['budget:write', 'budget:read']);
    });

    it('should refuse keys without budget:write (403) and requests without identity (401), writing nothing', async () => {
      const reader = await givenApiKey(t, ['budget:read']);
      const portfolio = await givenApiKey(t, ['portfolio:read']);
      const body = { lines: [budgetLine({ period: '2025-08' })] };
      const before = await counts();
      expectProblem(await putBudgetLines(t, reader, randomUUID(), body), 403);
      expectProblem(await putBudgetLines(t, portfolio, randomUUID(), body), 403);
      expectProblem(await putBudgetLines(t, null, randomUUID(), body), 401);
      expectProblem(
        await request(t.http)
          .put(api('/integrations/budget/dimensions'))
          .set('X-Api-Key', portfolio)
          .send({ dimensions: [] }),
        403,
      );
      expectProblem(await request(t.http).get(api('/integrations/budget/dimensions')).set('X-Api-Key', portfolio), 403);
      const staff = await t.as({ role: 'department_head', sub: 'budget-department-head' });
      expectProblem(
        await staff.put(api('/integrations/budget/lines')).set('Idempotency-Key', randomUUID()).send(body),
        403,
      );
      expect(await counts()).toEqual(before);
    });

    it('should let an admin load lines too, under their own keys', async () => {
      const key = randomUUID();
      const res = await t.admin
        .put(api('/integrations/budget/lines'))
        .set('Idempotency-Key', key)
        .send({ lines: [budgetLine({ period: '2025-09' })] });
      expect(res.body).toEqual({ lines: 1, inserted: 1, updated: 0, unchanged: 0 });
      // Keys are per client: the integration key may use the same one for a batch of its own.
      const other = await putBudgetLines(t, writer, key, { lines: [budgetLine({ period: '2025-09', amountSek: 2 })] });
      expect(other.body).toEqual({ lines: 1, inserted: 0, updated: 1, unchanged: 0 });
    });
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
