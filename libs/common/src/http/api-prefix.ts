/** Every API route is under this prefix, the health checks excepted; the web app has the rest of the origin. */
export const API_PREFIX = 'api/v1';
