// `npm run seed`: brings the database at DATABASE_URL up to date and loads the Trollhättan demo data.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { validateEnvironmentOrExit } from '#common';
import { dataSourceOptions } from '#database';
import { ENTITIES } from '#schema';
import { seedDemo, type DemoSeedResult } from './demo-seed.js';

const LABELS: Record<keyof DemoSeedResult, string> = {
  departments: 'departments',
  goals: 'goals',
  districts: 'districts',
  targetGroups: 'target groups',
  initiatives: 'initiatives',
  participants: 'participants',
  fundingLines: 'funding lines',
  effectNodes: 'effect-logic nodes',
  effectLinks: 'effect-logic links',
  indicators: 'indicators',
  indicatorValues: 'indicator values',
  indicatorLinks: 'indicator–outcome links',
  reportingRounds: 'reporting rounds',
  statusReports: 'status reports',
  portfolioReviews: 'portfolio reviews',
  portfolioDecisions: 'portfolio decisions',
};

function describe(result: DemoSeedResult, migrations: number): string {
  const inserted = (Object.keys(LABELS) as (keyof DemoSeedResult)[])
    .filter((k) => result[k] > 0)
    .map((k) => `${result[k]} ${LABELS[k]}`);
  const migrated = migrations > 0 ? `applied ${migrations} migration${migrations === 1 ? '' : 's'}; ` : '';
  return inserted.length > 0
    ? `Trollhättan demo data: ${migrated}inserted ${inserted.join(', ')}.`
    : `Trollhättan demo data: ${migrated}nothing to do, it is all there already.`;
}

const dataSource = new DataSource(dataSourceOptions(validateEnvironmentOrExit('Samla seed'), ENTITIES));
try {
  await dataSource.initialize();
  const migrations = await dataSource.runMigrations({ transaction: 'each' });
  const result = await seedDemo(dataSource);
  console.log(describe(result, migrations.length));
} catch (error) {
  process.stderr.write(
    `Loading the Trollhättan demo data failed; no demo data was written: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
} finally {
  if (dataSource.isInitialized) await dataSource.destroy();
}
