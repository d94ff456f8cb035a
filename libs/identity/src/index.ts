export * from './actor.js';
export * from './permissions.js';
// Before the module: audit's controller uses these decorators while identity is still loading.
export * from './auth/auth.decorators.js';
export * from './identity.module.js';
export * from './auth/auth.problems.js';
export * from './tokens/development-issuer.js';
export * from './api-keys/api-key.entity.js';
export * from './users/user.entity.js';
