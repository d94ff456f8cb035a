import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthenticationGuard } from './auth/authentication.guard.js';
import { DevelopmentIssuerController } from './tokens/development-issuer.controller.js';
import { DevelopmentIssuer } from './tokens/development-issuer.js';
import { TokenVerifier } from './tokens/token-verifier.js';

/** Who is calling: bearer tokens (and, for machines, API keys), turned into an Actor that every write checks. */
@Module({
  controllers: [DevelopmentIssuerController],
  providers: [DevelopmentIssuer, TokenVerifier, { provide: APP_GUARD, useClass: AuthenticationGuard }],
  exports: [DevelopmentIssuer],
})
export class IdentityModule {}
