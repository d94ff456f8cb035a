import type { DataSource } from 'typeorm';
import { execute, queryOne } from '#common';
import { grantStatements, ROLE_TARGET_SQL } from './app-role-privileges.sql.js';

/**
 * Grants the role the API and the worker connect as (deployment: docker-compose.yml) what they need and no more,
 * on the database the connection points at. Rows: read and write, except the audit trail, which they may only read
 * and append to. No DDL and no ownership, so they cannot switch off the audit trail's append-only triggers, drop a
 * table or alter the schema. Run after every migration run (migrate.ts), so tables added later are covered.
 */
export async function grantAppRolePrivileges(db: DataSource, role: string): Promise<void> {
  const { database, exists } = await queryOne(db, ROLE_TARGET_SQL, [role]);
  if (!exists)
    throw new Error(`the application role "${role}" does not exist: create it first (deploy/postgres/create-roles.sh)`);
  await db.transaction(async (em) => {
    for (const grant of grantStatements(database, role)) await execute(em, grant);
  });
}
