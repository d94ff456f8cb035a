import { Injectable, NotFoundException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request } from 'express';
import type { AppConfig } from '#common';

/**
 * The development issuer's endpoints exist only while the API is its own issuer: once AUTH_JWKS_URL names a real
 * provider they answer 404 problem+json exactly as a path that never existed does, so nothing signs anyone in behind
 * the provider's back.
 */
@Injectable()
export class DevelopmentOnlyGuard implements CanActivate {
  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  canActivate(context: ExecutionContext): boolean {
    if (!this.config.get('AUTH_JWKS_URL', { infer: true })) return true;
    const request = context.switchToHttp().getRequest<Request>();
    throw new NotFoundException(`Cannot ${request.method} ${request.originalUrl.split('?')[0]}`);
  }
}
