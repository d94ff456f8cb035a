import { FundingLineEntity } from './funding-line.entity.js';

/** This context's tables, for the DataSource of the apps, the migration CLI and the tests (#schema gathers every context's). */
export const FUNDING_ENTITIES = [FundingLineEntity];
