export * from './job-names.js';
export * from './jobs.module.js';
export * from './jobs.service.js';
export * from './job-schedules.service.js';
export * from './jobs.problems.js';
