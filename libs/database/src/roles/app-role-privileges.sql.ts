import { statement, type Statement } from '#common';

/** The database the connection points at, and whether the application role exists yet. */
export const ROLE_TARGET_SQL = statement<{ database: string; exists: boolean }>(
  'SELECT current_database() AS database, EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists',
);

/**
 * What the application role may do: rows, read and write, except the audit trail (read and append) and the migration
 * log (read). DDL takes no bind parameters, so the names are quoted identifiers.
 */
export function grantStatements(database: string, role: string): Statement<never>[] {
  const grantee = quoteIdentifier(role);
  return [
    `GRANT CONNECT, TEMPORARY ON DATABASE ${quoteIdentifier(database)} TO ${grantee}`,
    `GRANT USAGE ON SCHEMA public TO ${grantee}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${grantee}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${grantee}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${grantee}`,
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM ${grantee}`,
  ].map((sql) => statement<never>(sql));
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
