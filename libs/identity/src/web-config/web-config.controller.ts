import { Controller, Get } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Public, type AppConfig } from '#common';
import { developmentOidcIssuer } from '../tokens/development-issuer.js';

/** Where the web app returns after signing in and out: its routes, on the origin it is served from. */
export const SIGNED_IN_PATH = '/inloggad';
export const SIGNED_OUT_PATH = '/';

export class WebOidcConfigDto {
  @ApiProperty({
    example: 'https://login.microsoftonline.com/<tenant-id>/v2.0',
    description: 'The OpenID Provider’s issuer URL (oidc-client-ts `authority`); in development the API’s own issuer.',
  })
  authority: string;

  @ApiProperty({ example: 'samla-web', description: 'The web app’s client id at the provider.' })
  clientId: string;

  @ApiProperty({
    type: String,
    isArray: true,
    example: ['openid', 'profile', 'offline_access'],
    description: 'The scopes to ask for.',
  })
  scopes: string[];

  @ApiProperty({
    example: SIGNED_IN_PATH,
    description:
      'Path of the page the provider sends the browser back to with the code (`redirect_uri` is the app’s origin plus this).',
  })
  redirectPath: string;

  @ApiProperty({
    example: SIGNED_OUT_PATH,
    description: 'Path to return to after logging out (`post_logout_redirect_uri`).',
  })
  postLogoutRedirectPath: string;
}

export class WebConfigDto {
  @ApiProperty({ example: 'Trollhättans Stad', description: 'The municipality Samla serves (MUNICIPALITY_NAME).' })
  municipalityName: string;

  @ApiProperty({ type: WebOidcConfigDto })
  oidc: WebOidcConfigDto;

  @ApiProperty({
    description:
      'True while the API is its own issuer (AUTH_JWKS_URL unset): development or the demo, with its sign-in page where one picks a role.',
  })
  development: boolean;
}

/** What the web app needs before anyone is signed in; nothing secret (the client is public, PKCE protects it). */
@ApiTags('web-config')
@Controller('web-config')
export class WebConfigController {
  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'What the web app needs to sign people in (no token needed)', security: [] })
  @ApiOkResponse({ type: WebConfigDto })
  @ApiProblems(429)
  webConfig(): WebConfigDto {
    const c = this.config;
    const development = !c.get('AUTH_JWKS_URL', { infer: true });
    return {
      municipalityName: c.get('MUNICIPALITY_NAME', { infer: true }),
      oidc: {
        authority: development
          ? developmentOidcIssuer({
              PUBLIC_URL: c.get('PUBLIC_URL', { infer: true }),
              PORT: c.get('PORT', { infer: true }),
            })
          : (c.get('OIDC_AUTHORITY', { infer: true }) ?? c.get('AUTH_ISSUER', { infer: true })),
        clientId: c.get('OIDC_CLIENT_ID', { infer: true }),
        scopes: c.get('OIDC_SCOPES', { infer: true }),
        redirectPath: SIGNED_IN_PATH,
        postLogoutRedirectPath: SIGNED_OUT_PATH,
      },
      development,
    };
  }
}
