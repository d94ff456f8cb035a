import { SetMetadata } from '@nestjs/common';

export const PUBLIC_KEY = 'samla:public';

/** No identity needed (health checks, the development issuer's JWKS). Everything else is checked by identity's guard. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
