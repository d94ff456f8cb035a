// Entry point for the TypeORM CLI (npm run migration:*). The apps build their connection from the same options.
import { DataSource } from 'typeorm';
import { validateEnvironment } from '#common';
import { dataSourceOptions } from './data-source-options.js';

export default new DataSource(dataSourceOptions(validateEnvironment(process.env)));
