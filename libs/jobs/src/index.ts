export * from './job-run.entity.js';
