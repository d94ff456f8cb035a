export * from './alert.entity.js';
export * from './notification.entity.js';
export * from './scans/alert-scan.js';
