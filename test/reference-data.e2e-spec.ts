import { givenDepartment, givenDistrict, givenTargetGroup, uniqueCode } from './support/factories.js';
import { api, createTestApp, expectProblem, rowCounts, type TestApp } from './support/test-app.js';

describe('Reference data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('departments', () => {
    it('should create a department and read it back with its version as ETag when the body is valid', async () => {
      const body = {
        code: uniqueCode('ASF'),
        name: 'Arbetsmarknads- och socialförvaltningen',
        kind: 'administration',
        headEmail: 'forvaltningschef.asf@trollhattan.se',
      };

      const created = await t.admin.post(api('/departments')).send(body);
      const read = await t.admin.get(api(`/departments/${created.body.id}`));

      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        ...body,
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        parentId: null,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body).toEqual(created.body);
    });

    it('should place a unit under its administration when parentId is given', async () => {
      const ksf = await givenDepartment(t.dataSource, { name: 'Kommunstyrelsens förvaltning' });

      const res = await t.admin
        .post(api('/departments'))
        .send({ code: uniqueCode('HBA'), name: 'Hållbarhetsavdelningen', kind: 'administration', parentId: ksf.id });

      expect(res.status).toBe(201);
      expect(res.body.parentId).toBe(ksf.id);
    });

    it('should answer 409 and write nothing when the code is taken', async () => {
      const existing = await givenDepartment(t.dataSource);
      const before = await rowCounts(t.dataSource, ['departments']);

      const res = await t.admin
        .post(api('/departments'))
        .send({ code: existing.code, name: 'Dubblett', kind: 'committee' });

      expectProblem(res, 409);
      expect(res.body.errors).toEqual([{ field: 'code', message: 'already exists' }]);
      expect(await rowCounts(t.dataSource, ['departments'])).toEqual(before);
    });

    it('should answer 422 naming parentId and write nothing when the parent does not exist', async () => {
      const before = await rowCounts(t.dataSource, ['departments']);

      const res = await t.admin.post(api('/departments')).send({
        code: uniqueCode('AVD'),
        name: 'Avdelningen',
        kind: 'administration',
        parentId: '6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9',
      });

      expectProblem(res, 422);
      expect(res.body.errors).toEqual([{ field: 'parentId', message: expect.any(String) }]);
      expect(await rowCounts(t.dataSource, ['departments'])).toEqual(before);
    });

    it('should answer 404 when no department has the id', async () => {
      const res = await t.admin.get(api('/departments/6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9'));

      expectProblem(res, 404);
    });

    it('should change a department and bump its version when If-Match is current', async () => {
      const department = await givenDepartment(t.dataSource);

      const res = await t.admin
        .patch(api(`/departments/${department.id}`))
        .set('If-Match', '"1"')
        .send({ name: 'Kultur- och fritidsförvaltningen' });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: department.id,
        code: department.code,
        name: 'Kultur- och fritidsförvaltningen',
        version: 2,
      });
      expect(res.headers.etag).toBe('"2"');
      expect((await t.admin.get(api(`/departments/${department.id}`))).body.name).toBe(
        'Kultur- och fritidsförvaltningen',
      );
    });

    it('should answer 412 and change nothing when If-Match is stale', async () => {
      const department = await givenDepartment(t.dataSource);
      await t.admin
        .patch(api(`/departments/${department.id}`))
        .set('If-Match', '"1"')
        .send({ name: 'Först' });

      const res = await t.admin
        .patch(api(`/departments/${department.id}`))
        .set('If-Match', '"1"')
        .send({ name: 'Sedan' });

      expectProblem(res, 412);
      const read = await t.admin.get(api(`/departments/${department.id}`));
      expect(read.body).toMatchObject({ name: 'Först', version: 2 });
    });

    it('should answer 428 and change nothing when If-Match is missing', async () => {
      const department = await givenDepartment(t.dataSource);

      const res = await t.admin.patch(api(`/departments/${department.id}`)).send({ name: 'Utan villkor' });

      expectProblem(res, 428);
      expect((await t.admin.get(api(`/departments/${department.id}`))).body).toMatchObject({
        name: department.name,
        version: 1,
      });
    });

    it('should answer 409 when a PATCH takes another department’s code', async () => {
      const [a, b] = [await givenDepartment(t.dataSource), await givenDepartment(t.dataSource)];

      const res = await t.admin
        .patch(api(`/departments/${b.id}`))
        .set('If-Match', '"1"')
        .send({ code: a.code });

      expectProblem(res, 409);
      expect((await t.admin.get(api(`/departments/${b.id}`))).body.code).toBe(b.code);
    });

    it('should keep the department when a PATCH sends its own code unchanged', async () => {
      const department = await givenDepartment(t.dataSource);

      const res = await t.admin
        .patch(api(`/departments/${department.id}`))
        .set('If-Match', '"1"')
        .send({ code: department.code, kind: 'committee' });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ code: department.code, kind: 'committee' });
    });

    it('should refuse with 422 and change nothing when a department is moved under its own unit', async () => {
      const ksf = await givenDepartment(t.dataSource);
      const unit = await givenDepartment(t.dataSource, { parentId: ksf.id });
      const subUnit = await givenDepartment(t.dataSource, { parentId: unit.id });

      const underChild = await t.admin
        .patch(api(`/departments/${ksf.id}`))
        .set('If-Match', '"1"')
        .send({ parentId: unit.id });
      const underGrandchild = await t.admin
        .patch(api(`/departments/${ksf.id}`))
        .set('If-Match', '"1"')
        .send({ parentId: subUnit.id });

      expectProblem(underChild, 422);
      expect(underChild.body.errors).toEqual([{ field: 'parentId', message: 'would create a cycle' }]);
      expectProblem(underGrandchild, 422);
      expect((await t.admin.get(api(`/departments/${ksf.id}`))).body).toMatchObject({ parentId: null, version: 1 });
    });

    it('should refuse one of two concurrent moves when together they would put two departments under each other', async () => {
      const [a, b] = [await givenDepartment(t.dataSource), await givenDepartment(t.dataSource)];

      const results = await Promise.all([
        t.admin
          .patch(api(`/departments/${a.id}`))
          .set('If-Match', '"1"')
          .send({ parentId: b.id }),
        t.admin
          .patch(api(`/departments/${b.id}`))
          .set('If-Match', '"1"')
          .send({ parentId: a.id }),
      ]);

      expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
      const parents = [
        (await t.admin.get(api(`/departments/${a.id}`))).body.parentId,
        (await t.admin.get(api(`/departments/${b.id}`))).body.parentId,
      ];
      expect(parents.filter((p) => p !== null)).toHaveLength(1);
    });

    it('should refuse with 422 when a department is made its own parent', async () => {
      const department = await givenDepartment(t.dataSource);

      const res = await t.admin
        .patch(api(`/departments/${department.id}`))
        .set('If-Match', '"1"')
        .send({ parentId: department.id });

      expectProblem(res, 422);
      expect(res.body.errors).toEqual([{ field: 'parentId', message: 'would create a cycle' }]);
    });

    it('should move a unit to another administration and back to the top when parentId changes', async () => {
      const [from, to] = [await givenDepartment(t.dataSource), await givenDepartment(t.dataSource)];
      const unit = await givenDepartment(t.dataSource, { parentId: from.id });

      const moved = await t.admin
        .patch(api(`/departments/${unit.id}`))
        .set('If-Match', '"1"')
        .send({ parentId: to.id });
      const root = await t.admin
        .patch(api(`/departments/${unit.id}`))
        .set('If-Match', '"2"')
        .send({ parentId: null });

      expect(moved.status).toBe(200);
      expect(moved.body.parentId).toBe(to.id);
      expect(root.status).toBe(200);
      expect(root.body.parentId).toBeNull();
    });

    it('should refuse null for a required field with 400 and change nothing', async () => {
      const department = await givenDepartment(t.dataSource);

      const res = await t.admin
        .patch(api(`/departments/${department.id}`))
        .set('If-Match', '"1"')
        .send({ name: null, kind: null });

      expectProblem(res, 400);
      expect(new Set(res.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['kind', 'name']));
      expect((await t.admin.get(api(`/departments/${department.id}`))).body).toMatchObject({
        name: department.name,
        version: 1,
      });
    });

    it('should filter by kind and parent and page by code when the list is asked for', async () => {
      const parent = await givenDepartment(t.dataSource, { code: uniqueCode('ZZ-PARENT') });
      const units = [
        await givenDepartment(t.dataSource, { code: uniqueCode('ZZ-B'), parentId: parent.id }),
        await givenDepartment(t.dataSource, { code: uniqueCode('ZZ-A'), parentId: parent.id }),
      ];
      const company = await givenDepartment(t.dataSource, {
        code: uniqueCode('ZZ-EIDAR'),
        kind: 'company',
        name: 'AB Eidar Trollhättans Bostadsbolag',
      });

      const byParent = await t.admin.get(api('/departments')).query({ parentId: parent.id });
      const byKind = await t.admin.get(api('/departments')).query({ kind: 'company' });
      const firstPage = await t.admin.get(api('/departments')).query({ parentId: parent.id, limit: 1 });
      const secondPage = await t.admin.get(api('/departments')).query({ parentId: parent.id, limit: 1, offset: 1 });

      expect(byParent.status).toBe(200);
      expect(byParent.body).toEqual({ items: expect.any(Array), total: 2, limit: 50, offset: 0 });
      expect(byParent.body.items.map((d: { code: string }) => d.code)).toEqual(units.map((u) => u.code).sort());
      expect(byKind.body.items.map((d: { id: string }) => d.id)).toEqual([company.id]);
      expect(firstPage.body).toMatchObject({ total: 2, limit: 1, offset: 0 });
      expect([...firstPage.body.items, ...secondPage.body.items].map((d: { code: string }) => d.code)).toEqual(
        units.map((u) => u.code).sort(),
      );
    });

    it('should find exactly the department with the code, and no other sharing its start, when code is given', async () => {
      const asf = await givenDepartment(t.dataSource, { code: uniqueCode('ASF') });
      await givenDepartment(t.dataSource, { code: `${asf.code}-ENHET`, parentId: asf.id });

      const res = await t.admin.get(api('/departments')).query({ code: asf.code });
      const none = await t.admin.get(api('/departments')).query({ code: asf.code.slice(0, -1) });

      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        items: [expect.objectContaining({ id: asf.id, code: asf.code })],
        total: 1,
        limit: 50,
        offset: 0,
      });
      expect(none.body.total).toBe(0);
    });

    it('should answer 400 when a filter value is not allowed', async () => {
      const res = await t.admin.get(api('/departments')).query({ kind: 'förening', parentId: 'abc', code: 'asf' });

      expectProblem(res, 400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['code', 'kind', 'parentId']);
    });
  });

  describe.each([
    {
      path: '/target-groups',
      given: givenTargetGroup,
      table: 'target_groups',
      name: 'Unga 16–24 som varken arbetar eller studerar',
    },
    { path: '/districts', given: givenDistrict, table: 'districts', name: 'Kronogården' },
  ])('$path', ({ path, given, table, name }) => {
    it('should create an entry and list it by code when the body is valid', async () => {
      const code = uniqueCode('AAA');

      const created = await t.admin.post(api(path)).send({ code, name });
      const list = await t.admin.get(api(path)).query({ limit: 200 });

      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        code,
        name,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ total: expect.any(Number), limit: 200, offset: 0 });
      expect(list.body.items).toContainEqual(created.body);
      const codes = list.body.items.map((i: { code: string }) => i.code);
      expect(codes).toEqual([...codes].sort());
    });

    it('should answer 409 and write nothing when the code is taken', async () => {
      const existing = await given(t.dataSource);
      const before = await rowCounts(t.dataSource, [table]);

      const res = await t.admin.post(api(path)).send({ code: existing.code, name: 'Dubblett' });

      expectProblem(res, 409);
      expect(res.body.errors).toEqual([{ field: 'code', message: 'already exists' }]);
      expect(await rowCounts(t.dataSource, [table])).toEqual(before);
    });

    it('should answer 400 and write nothing when the code is malformed', async () => {
      const before = await rowCounts(t.dataSource, [table]);

      const res = await t.admin.post(api(path)).send({ code: 'kronogården', name });

      expectProblem(res, 400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
      expect(await rowCounts(t.dataSource, [table])).toEqual(before);
    });
  });
});
