export * from './reference-data.module.js';
export * from './departments/department.entity.js';
export * from './departments/departments.service.js';
export * from './code-lists/code-list.entities.js';
export * from './code-lists/code-lists.service.js';
export { REFERENCE_DATA_ENTITIES } from './reference-data.entities.js';
