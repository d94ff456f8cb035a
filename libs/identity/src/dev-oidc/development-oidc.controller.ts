import { Body, Controller, Get, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '#common';
import { ROLES, type Role } from '../actor.js';
import { checkAuthorizationRequest, type AuthorizationRequest } from './authorization-request.js';
import { DevelopmentOidcProvider, OAuthError } from './development-oidc.provider.js';
import { DevelopmentOnlyGuard } from './development-only.guard.js';
import {
  ROLE_CHOICES,
  renderRefusalPage,
  renderSignedOutPage,
  renderSignInPage,
  STYLESHEET,
  type FormField,
  type SignInForm,
} from './pages.js';
import { allowedRedirect, withParameters } from './redirects.js';

/** Roles that act for a department, as `npm run token` requires --department for them. */
const NEEDS_DEPARTMENT: readonly Role[] = ['department_head', 'staff'];
const MAX_NAME = 200;

/**
 * The development issuer's OpenID Provider (see DevelopmentOidcProvider): discovery, the sign-in page, the token
 * endpoint and logout, under /api/v1/dev-oidc. Not in the API document: no client of the API calls it, only
 * oidc-client-ts and a browser.
 */
@ApiExcludeController()
@Public()
@UseGuards(DevelopmentOnlyGuard)
@Controller('dev-oidc')
export class DevelopmentOidcController {
  constructor(private readonly provider: DevelopmentOidcProvider) {}

  @Get('.well-known/openid-configuration')
  discovery() {
    return this.provider.discovery();
  }

  @Get('authorize')
  async authorize(@Query() query: Record<string, unknown>, @Res() res: Response) {
    const checked = checkAuthorizationRequest(query, this.provider);
    if (checked.outcome === 'refuse') return this.html(res, 400, renderRefusalPage(checked.message));
    if (checked.outcome === 'send-back')
      return this.sendBack(res, checked.redirect, {
        error: checked.error,
        error_description: checked.description,
        state: checked.state,
      });
    return this.signInPage(res, 200, checked.request, {}, {});
  }

  /** The sign-in form: every parameter of the request is checked again, the hidden fields being the browser's to change. */
  @Post('authorize')
  async signIn(@Body() body: Record<string, unknown>, @Res() res: Response) {
    const form = body ?? {};
    const checked = checkAuthorizationRequest(form, this.provider);
    if (checked.outcome === 'refuse') return this.html(res, 400, renderRefusalPage(checked.message));
    if (checked.outcome === 'send-back')
      return this.sendBack(res, checked.redirect, {
        error: checked.error,
        error_description: checked.description,
        state: checked.state,
      });
    const request = checked.request;
    if (form.action === 'cancel') {
      return this.sendBack(res, request.redirect, {
        error: 'access_denied',
        error_description: 'The person cancelled the sign-in.',
        state: request.state,
      });
    }
    const values: SignInForm = {
      role: text(form.role),
      department: text(form.department)?.trim(),
      name: text(form.name)?.trim(),
    };
    const errors: Partial<Record<FormField, string>> = {};
    const role = (ROLES as readonly string[]).includes(values.role ?? '') ? (values.role as Role) : null;
    if (!role) errors.role = 'Välj en roll.';
    const department = values.department ? await this.provider.department(values.department) : null;
    if (values.department && !department) {
      errors.department = `Det finns ingen förvaltning med koden ${values.department}. Välj en förvaltning i listan.`;
    } else if (!department && role && NEEDS_DEPARTMENT.includes(role)) {
      errors.department = `En ${ROLE_CHOICES[role].label.toLowerCase()} agerar för en förvaltning. Välj vilken.`;
    }
    if (values.name && [...values.name].length > MAX_NAME) errors.name = `Namnet får vara högst ${MAX_NAME} tecken.`;
    else if (values.name && /\p{Cc}/u.test(values.name)) errors.name = 'Namnet får inte innehålla kontrolltecken.';
    if (!role || Object.keys(errors).length > 0) return this.signInPage(res, 422, request, values, errors);
    const name = values.name || `${ROLE_CHOICES[role].label}${department ? ` ${department.code}` : ''}`;
    const code = await this.provider.issueCode(request, { role, department: department?.code ?? null, name });
    return this.sendBack(res, request.redirect, { code, state: request.state });
  }

  @Get('authorize.css')
  stylesheet(@Res() res: Response) {
    res.status(200).type('text/css; charset=utf-8').setHeader('Cache-Control', 'no-cache');
    res.send(STYLESHEET);
  }

  /** RFC 6749 §3.2: form-encoded parameters in, JSON out, never cached; errors as `{ error, error_description }` (§5.2). */
  @Post('token')
  async token(@Req() req: Request, @Body() body: Record<string, unknown>, @Res() res: Response) {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Pragma', 'no-cache');
    try {
      if (!req.is('application/x-www-form-urlencoded'))
        throw new OAuthError('invalid_request', 'Send the parameters as application/x-www-form-urlencoded.');
      const parameters = body ?? {};
      const grantType = parameters.grant_type;
      if (grantType === 'authorization_code') return res.status(200).json(await this.provider.redeemCode(parameters));
      if (grantType === 'refresh_token') return res.status(200).json(await this.provider.refresh(parameters));
      throw new OAuthError(
        typeof grantType === 'string' ? 'unsupported_grant_type' : 'invalid_request',
        'grant_type must be authorization_code or refresh_token.',
      );
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      return res.status(400).json({ error: error.error, error_description: error.description });
    }
  }

  /** OpenID Connect RP-Initiated Logout: ends the sign-in and goes back to the app, if the address is Samla's. */
  @Get('logout')
  async logout(@Query() query: Record<string, unknown>, @Res() res: Response) {
    await this.provider.endSession(query.id_token_hint);
    const target = query.post_logout_redirect_uri;
    if (target === undefined)
      return this.html(res, 200, renderSignedOutPage(`${new URL(this.provider.issuer).origin}/`));
    const redirect = allowedRedirect(target, this.provider.redirectOrigins);
    if (!redirect)
      return this.html(
        res,
        400,
        renderRefusalPage(
          'Adressen att skicka dig till efter utloggningen (post_logout_redirect_uri) hör inte till Samla. Du är utloggad.',
        ),
      );
    return this.sendBack(res, redirect, { state: text(query.state) });
  }

  private async signInPage(
    res: Response,
    status: number,
    request: AuthorizationRequest,
    values: SignInForm,
    errors: Partial<Record<FormField, string>>,
  ) {
    const departments = await this.provider.departments();
    return this.html(res, status, renderSignInPage({ request: request.parameters, departments, values, errors }));
  }

  /**
   * The pages' own policy, stricter than the API's: no script at all, styles only from the stylesheet route, and the
   * form may post here and be redirected only to the origins sign-ins go back to (browsers check a form's redirects).
   */
  private html(res: Response, status: number, html: string) {
    const formTargets = ["'self'", ...this.provider.redirectOrigins].join(' ');
    res.setHeader(
      'Content-Security-Policy',
      `default-src 'none'; style-src 'self'; img-src 'self'; form-action ${formTargets}; frame-ancestors 'none'; base-uri 'none'`,
    );
    res.setHeader('Cache-Control', 'no-store');
    res.status(status).type('text/html; charset=utf-8').send(html);
  }

  /** 303: the browser follows with a GET, whether it came by GET or by the form's POST. */
  private sendBack(res: Response, redirect: URL, parameters: Record<string, string | undefined>) {
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, withParameters(redirect, parameters));
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
