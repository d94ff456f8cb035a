import { InitiativeParticipantEntity } from './initiatives/initiative-participant.entity.js';
import { InitiativeEntity } from './initiatives/initiative.entity.js';
import { InitiativeTransitionEntity } from './lifecycle/initiative-transition.entity.js';

/** This context's tables, for the DataSource of the apps, the migration CLI and the tests (#schema gathers every context's). */
export const PORTFOLIO_ENTITIES = [InitiativeEntity, InitiativeParticipantEntity, InitiativeTransitionEntity];
