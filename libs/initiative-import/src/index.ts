export * from './initiative-import.module.js';
export { INITIATIVE_IMPORT_BODY_LIMIT, INITIATIVE_IMPORTS_PATH } from './initiative-import.controller.js';
