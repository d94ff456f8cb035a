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
});
