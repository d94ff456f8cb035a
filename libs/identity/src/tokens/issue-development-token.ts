/**
 * `npm run token -- --role ROLE [--department CODE] [--name NAME]`: prints a bearer token from the development
 * issuer, valid for 12 hours. Refuses to run when AUTH_JWKS_URL names a real identity provider, and refuses a
 * department code the database at DATABASE_URL does not hold: such a token signs in but may write nothing.
 */
import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { queryRows, validateEnvironmentOrExit } from '#common';
import { dataSourceOptions } from '#database';
import { ROLES, type Role } from '../actor.js';
import { DEPARTMENT_CODES_SQL } from '../departments.sql.js';
import { DEVELOPMENT_TOKEN_HOURS, DevelopmentIssuer } from './development-issuer.js';

const config = validateEnvironmentOrExit('npm run token');
const usage = `usage: npm run token -- --role ${ROLES.join('|')} [--department CODE] [--name NAME] [--email EMAIL]`;

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

/** The department codes in the database the API uses. */
async function departmentCodes(): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions({ ...config, DATABASE_POOL_SIZE: 1 }));
  try {
    await dataSource.initialize();
    return (await queryRows(dataSource, DEPARTMENT_CODES_SQL)).map((row) => row.code);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

let values: { role?: string; department?: string; name?: string; email?: string };
try {
  ({ values } = parseArgs({
    options: {
      role: { type: 'string' },
      department: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}
if (config.AUTH_JWKS_URL) fail('AUTH_JWKS_URL is set: tokens come from the identity provider, not from Samla.');
if (!values.role || !(ROLES as readonly string[]).includes(values.role))
  fail(`--role must be one of ${ROLES.join(', ')}.`);
if (['department_head', 'staff'].includes(values.role) && !values.department)
  fail(`--role ${values.role} needs --department CODE (e.g. ASF).`);
const department = values.department?.toUpperCase();
if (department) {
  const known = await departmentCodes().catch((error: Error) => {
    console.error(`Could not check --department ${department} against the database at DATABASE_URL: ${error.message}`);
    process.exit(1);
  });
  if (!known.includes(department)) {
    fail(
      `--department ${department}: no department has this code. ${known.length > 0 ? `Known codes: ${known.join(', ')}.` : 'There are no departments yet (npm run seed loads the demo).'}`,
    );
  }
}

const token = await new DevelopmentIssuer(new ConfigService(config)).sign({
  role: values.role as Role,
  department,
  name: values.name,
  email: values.email,
});
console.log(token);
console.error(`(valid ${DEVELOPMENT_TOKEN_HOURS} hours; send it as "Authorization: Bearer <token>")`);
