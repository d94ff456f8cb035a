import { ApiKeyEntity } from './api-keys/api-key.entity.js';
import { AuditEventEntity } from './audit/audit-event.entity.js';
import { UserEntity } from './users/user.entity.js';

/** This context's tables, for the DataSource of the apps, the migration CLI and the tests (#schema gathers every context's). */
export const IDENTITY_ENTITIES = [UserEntity, ApiKeyEntity, AuditEventEntity];
