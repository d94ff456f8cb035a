export * from './alert.entity.js';
export * from './notification.entity.js';
