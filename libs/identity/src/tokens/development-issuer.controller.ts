import { Controller, Get, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public, type AppConfig } from '#common';
import { DevelopmentIssuer } from './development-issuer.js';

/** The development issuer's public keys, so other local tools can verify its tokens; gone once a provider is set. */
@ApiExcludeController()
@Controller('dev-issuer')
export class DevelopmentIssuerController {
  constructor(
    private readonly issuer: DevelopmentIssuer,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  @Public()
  @Get('jwks.json')
  jwks() {
    if (this.config.get('AUTH_JWKS_URL', { infer: true })) throw new NotFoundException();
    return this.issuer.jwks();
  }
}
