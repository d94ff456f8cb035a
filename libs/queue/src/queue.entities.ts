import { JobRunEntity } from './job-run.entity.js';

/** This context's tables, for the DataSource of the apps, the migration CLI and the tests (#schema gathers every context's). */
export const QUEUE_ENTITIES = [JobRunEntity];
