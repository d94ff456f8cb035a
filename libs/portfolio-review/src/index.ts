export * from './portfolio-review.module.js';
export * from './summary/portfolio-summary.dto.js';
export * from './summary/portfolio-summary.sql.js';
export * from './readiness/portfolio-readiness.dto.js';
export * from './readiness/portfolio-readiness.sql.js';
