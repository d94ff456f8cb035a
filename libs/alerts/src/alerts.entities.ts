import { AlertEntity } from './alert.entity.js';
import { AlertNoticeEntity } from './notices/alert-notice.entity.js';

/** This context's tables, for the DataSource of the apps, the migration CLI and the tests (#schema gathers every context's). */
export const ALERTS_ENTITIES = [AlertEntity, AlertNoticeEntity];
