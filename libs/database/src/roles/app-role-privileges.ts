import type { DataSource } from 'typeorm';

/**
 * Grants the role the API and the worker connect as (deployment: docker-compose.yml) what they need and no more,
 * on the database the connection points at. Rows: read and write, except the audit trail, which they may only read
 * and append to. No DDL and no ownership, so they cannot switch off the audit trail's append-only triggers, drop a
 * table or alter the schema. Run after every migration run (migrate.ts), so tables added later are covered.
 */
export async function grantAppRolePrivileges(db: DataSource, role: string): Promise<void> {
  const [{ database, exists }]: { database: string; exists: boolean }[] = await db.query(
    'SELECT current_database() AS database, EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists',
    [role],
  );
  if (!exists) throw new Error(`the application role "${role}" does not exist: create it first (deploy/postgres/create-roles.sh)`);
  const grantee = quoteIdentifier(role);
  await db.transaction(async (em) => {
    for (const statement of [
      `GRANT CONNECT, TEMPORARY ON DATABASE ${quoteIdentifier(database)} TO ${grantee}`,
      `GRANT USAGE ON SCHEMA public TO ${grantee}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${grantee}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${grantee}`,
      `REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${grantee}`,
      `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM ${grantee}`,
    ]) {
      await em.query(statement);
    }
  });
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
