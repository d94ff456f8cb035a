import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeyEntity } from './api-keys/api-key.entity.js';
import { ApiKeysController } from './api-keys/api-keys.controller.js';
import { ApiKeysService } from './api-keys/api-keys.service.js';
import { AuthenticationGuard } from './auth/authentication.guard.js';
import { DevelopmentIssuerController } from './tokens/development-issuer.controller.js';
import { DevelopmentIssuer } from './tokens/development-issuer.js';
import { TokenVerifier } from './tokens/token-verifier.js';
import { UserEntity } from './users/user.entity.js';
import { UsersController } from './users/users.controller.js';
import { UsersService } from './users/users.service.js';

/** Who is calling: bearer tokens (and, for machines, API keys), turned into an Actor that every write checks. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, ApiKeyEntity])],
  controllers: [DevelopmentIssuerController, UsersController, ApiKeysController],
  providers: [DevelopmentIssuer, TokenVerifier, UsersService, ApiKeysService, { provide: APP_GUARD, useClass: AuthenticationGuard }],
  exports: [DevelopmentIssuer],
})
export class IdentityModule {}
