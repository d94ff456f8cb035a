/** The process's Redis connection for small commands (readiness, the snapshot cache); BullMQ keeps its own. */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
