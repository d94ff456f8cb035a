import { ReportingRoundEntity } from './reporting-round.entity.js';
import { StatusReportEntity } from './status-report.entity.js';

/** This context's tables, for the DataSource of the apps, the migration CLI and the tests (#schema gathers every context's). */
export const FOLLOW_UP_ENTITIES = [ReportingRoundEntity, StatusReportEntity];
