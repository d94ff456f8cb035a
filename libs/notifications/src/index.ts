export * from './notification.entity.js';
export * from './outbox.js';
export * from './mail-transport.js';
export * from './notifications.service.js';
export * from './notifications.module.js';
export { NOTIFICATIONS_ENTITIES } from './notifications.entities.js';
