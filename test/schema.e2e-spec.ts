import { createTestApp, type TestApp } from './support/test-app.js';

describe('Database schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('should need no migration when the entities are compared with the migrated database', async () => {
    // Arrange: the test database is a copy of the template that every migration ran on.

    // Act: what `migration:generate` would write.
    const sqlInMemory = await t.dataSource.driver.createSchemaBuilder().log();

    // Assert
    const pending = sqlInMemory.upQueries.map((q) => q.query.trim());
    expect(pending).toEqual([]);
  });

  it('should hold every CHECK with the vocabulary its entity declares', async () => {
    // TypeORM compares CHECK constraints by name only, so a vocabulary that grew (a new alert kind) but whose
    // migration forgot the constraint would pass the test above. Compare the quoted words on both sides.
    const words = (sql: string) => [...sql.matchAll(/'([^']*)'/g)].map((m) => m[1]).sort();
    const declared = t.dataSource.entityMetadatas
      .flatMap((e) => e.checks.map((c) => ({ name: c.name, words: words(c.expression ?? '') })))
      .filter((c) => c.words.length > 0);
    const rows: { name: string; definition: string }[] = await t.dataSource.query(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE contype = 'c' AND conname = ANY($1)`,
      [declared.map((c) => c.name)],
    );
    const inDatabase = Object.fromEntries(rows.map((r) => [r.name, words(r.definition)]));

    expect(declared.map((c) => c.name)).toContain('ck_alerts_kind');
    for (const check of declared) expect({ name: check.name, words: inDatabase[check.name] }).toEqual(check);
  });
});
