import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { urlencoded } from 'express';
import { ApiKeyEntity } from './api-keys/api-key.entity.js';
import { ApiKeysController } from './api-keys/api-keys.controller.js';
import { ApiKeysService } from './api-keys/api-keys.service.js';
import { AuthenticationGuard } from './auth/authentication.guard.js';
import { DevelopmentOidcController } from './dev-oidc/development-oidc.controller.js';
import { DevelopmentOidcProvider } from './dev-oidc/development-oidc.provider.js';
import { MeController } from './me/me.controller.js';
import { DevelopmentIssuerController } from './tokens/development-issuer.controller.js';
import { DevelopmentIssuer } from './tokens/development-issuer.js';
import { TokenVerifier } from './tokens/token-verifier.js';
import { UserEntity } from './users/user.entity.js';
import { UsersController } from './users/users.controller.js';
import { UsersService } from './users/users.service.js';
import { WebConfigController } from './web-config/web-config.controller.js';

/** Who is calling: bearer tokens (and, for machines, API keys), turned into an Actor that every write checks. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, ApiKeyEntity])],
  controllers: [
    DevelopmentIssuerController,
    DevelopmentOidcController,
    WebConfigController,
    MeController,
    UsersController,
    ApiKeysController,
  ],
  providers: [
    DevelopmentIssuer,
    DevelopmentOidcProvider,
    TokenVerifier,
    UsersService,
    ApiKeysService,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
  ],
  exports: [DevelopmentIssuer],
})
export class IdentityModule implements NestModule {
  /** OAuth's token endpoint and the sign-in form send application/x-www-form-urlencoded, which nothing else of the API reads. */
  configure(consumer: MiddlewareConsumer) {
    consumer
      .apply(
        urlencoded({ extended: false, limit: '16kb', parameterLimit: 50, type: 'application/x-www-form-urlencoded' }),
      )
      .forRoutes(DevelopmentOidcController);
  }
}
