import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '#common';
import { DevelopmentOnlyGuard } from '../dev-oidc/development-only.guard.js';
import { DevelopmentIssuer } from './development-issuer.js';

/**
 * The development issuer's public keys, so other local tools (and OpenID Connect clients: the discovery document's
 * `jwks_uri`) can verify its tokens; gone once a provider is set.
 */
@ApiExcludeController()
@UseGuards(DevelopmentOnlyGuard)
@Controller('dev-issuer')
export class DevelopmentIssuerController {
  constructor(private readonly issuer: DevelopmentIssuer) {}

  @Public()
  @Get('jwks.json')
  jwks() {
    return this.issuer.jwks();
  }
}
