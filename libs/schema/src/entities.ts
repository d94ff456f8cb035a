import { ALERTS_ENTITIES } from '#alerts';
import { FOLLOW_UP_ENTITIES } from '#follow-up';
import { FUNDING_ENTITIES } from '#funding';
import { GOALS_ENTITIES } from '#goals';
import { IDENTITY_ENTITIES } from '#identity';
import { INTEGRATION_ENTITIES } from '#integration';
import { NOTIFICATIONS_ENTITIES } from '#notifications';
import { PORTFOLIO_ENTITIES } from '#portfolio';
import { PORTFOLIO_REVIEW_ENTITIES } from '#portfolio-review';
import { QUEUE_ENTITIES } from '#queue';
import { REFERENCE_DATA_ENTITIES } from '#reference-data';
import { RESULTS_ENTITIES } from '#results';

/**
 * Every context's tables, each context declaring its own: what the apps, the migration CLI, the demo seed and the
 * tests give TypeORM (relations between contexts need every entity in one DataSource).
 */
export const ENTITIES = [
  ...IDENTITY_ENTITIES,
  ...QUEUE_ENTITIES,
  ...REFERENCE_DATA_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
  ...GOALS_ENTITIES,
  ...PORTFOLIO_ENTITIES,
  ...FUNDING_ENTITIES,
  ...ALERTS_ENTITIES,
  ...RESULTS_ENTITIES,
  ...FOLLOW_UP_ENTITIES,
  ...INTEGRATION_ENTITIES,
  ...PORTFOLIO_REVIEW_ENTITIES,
];
