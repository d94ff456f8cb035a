export * from './goal.entity.js';
export * from './goals.module.js';
export * from './goals.service.js';
export { nestGoals, type NestedGoal } from './goal-tree.rules.js';
export { GOALS_ENTITIES } from './goals.entities.js';
