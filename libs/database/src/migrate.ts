// The deployment's one-shot migration (docker-compose.yml's `migrate` service): runs the migrations as the schema's
// owner, then grants the application role (DATABASE_APP_ROLE) its privileges. It needs only DATABASE_URL and, for the
// grants, DATABASE_APP_ROLE; not the API's whole configuration.
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';
import { grantAppRolePrivileges } from './roles/app-role-privileges.js';

const { DATABASE_URL, DATABASE_APP_ROLE } = process.env;
if (!DATABASE_URL) {
  console.error("migrate: DATABASE_URL is not set (the schema owner's connection)");
  process.exit(1);
}

const dataSource = new DataSource(dataSourceOptions({ DATABASE_URL, DATABASE_POOL_SIZE: 2 }));
try {
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  console.log(`migrate: ${applied.length} migration(s) applied`);
  if (DATABASE_APP_ROLE) {
    await grantAppRolePrivileges(dataSource, DATABASE_APP_ROLE);
    console.log(`migrate: privileges granted to ${DATABASE_APP_ROLE}`);
  }
} catch (error) {
  console.error(`migrate: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  if (dataSource.isInitialized) await dataSource.destroy();
}
