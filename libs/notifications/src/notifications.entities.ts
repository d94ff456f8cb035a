import { NotificationEntity } from './notification.entity.js';

/** This context's tables, for the DataSource of the apps, the migration CLI and the tests (#schema gathers every context's). */
export const NOTIFICATIONS_ENTITIES = [NotificationEntity];
