export * from './initiatives/initiative.entity.js';
export * from './initiatives/initiative-participant.entity.js';
export * from './initiatives/initiative-list.query.js';
export * from './initiatives/initiatives.service.js';
export * from './lifecycle/initiative-lifecycle.js';
export * from './lifecycle/initiative-transition.entity.js';
export * from './portfolio.module.js';
