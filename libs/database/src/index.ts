export * from './database.module.js';
export * from './data-source-options.js';
export { queriesRunThroughCallbacks } from './pg-query-callbacks.js';
export * from './snake-naming.strategy.js';
export * from './roles/app-role-privileges.js';
