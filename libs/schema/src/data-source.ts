// Entry point for the TypeORM CLI (npm run typeorm, scripts/migration-generate.sh): the apps' options with every entity.
import { DataSource } from 'typeorm';
import { validateEnvironment } from '#common';
import { dataSourceOptions } from '#database';
import { ENTITIES } from './entities.js';

export default new DataSource(dataSourceOptions(validateEnvironment(process.env), ENTITIES));
