import { CODE_CHALLENGE } from './pkce.js';
import { allowedRedirect } from './redirects.js';
import { AUTHORIZE_PARAMETERS, type AuthorizeParameters } from './pages.js';

/** An authorization request that may go ahead: the client is known and the browser may be sent back to it. */
export type AuthorizationRequest = {
  clientId: string;
  redirectUri: string;
  redirect: URL;
  codeChallenge: string;
  scope: string[];
  state?: string;
  nonce?: string;
  /** The request's parameters as they came, for the form's hidden fields. */
  parameters: AuthorizeParameters;
};

export type CheckedRequest =
  /** RFC 6749 §4.1.2.1: an unknown client or a redirect URI that is not Samla's is told to the person, never redirected to. */
  | { outcome: 'refuse'; message: string }
  /** Anything else wrong is sent back to the client, which asked. */
  | {
      outcome: 'send-back';
      redirect: URL;
      error: 'invalid_request' | 'unsupported_response_type' | 'invalid_scope';
      description: string;
      state?: string;
    }
  | { outcome: 'proceed'; request: AuthorizationRequest };

const MAX_STATE = 1000;
const MAX_NONCE = 500;

/**
 * Checks an authorization request of the code flow with PKCE (RFC 6749 §4.1.1, RFC 7636 §4.3, OpenID Connect Core
 * §3.1.2.1), from the query on GET and from the form's hidden fields on POST alike. A parameter given twice is as bad
 * as one missing.
 */
export function checkAuthorizationRequest(
  input: Record<string, unknown>,
  client: { clientId: string; redirectOrigins: readonly string[] },
): CheckedRequest {
  const parameters: AuthorizeParameters = {};
  const repeated: string[] = [];
  for (const name of AUTHORIZE_PARAMETERS) {
    const value = input[name];
    if (typeof value === 'string') parameters[name] = value;
    else if (value !== undefined) repeated.push(name);
  }
  const { client_id: clientId, redirect_uri: redirectUri } = parameters;
  if (clientId === undefined || clientId !== client.clientId) {
    return {
      outcome: 'refuse',
      message: `Appen som bad om inloggningen är okänd (client_id ${clientId === undefined ? 'saknas' : `”${clientId}”`}). Den här inloggningen känner bara Samlas webbapp (${client.clientId}).`,
    };
  }
  const redirect = allowedRedirect(redirectUri, client.redirectOrigins);
  if (!redirect || redirectUri === undefined) {
    return {
      outcome: 'refuse',
      message: `Adressen att skicka tillbaka dig till (redirect_uri) ${redirectUri === undefined ? 'saknas' : 'hör inte till Samla'}. Inloggningen skickar bara tillbaka till ${client.redirectOrigins.join(' eller ')}.`,
    };
  }
  const state = parameters.state;
  const sendBack = (
    error: 'invalid_request' | 'unsupported_response_type' | 'invalid_scope',
    description: string,
  ): CheckedRequest => ({
    outcome: 'send-back',
    redirect,
    error,
    description,
    state: state !== undefined && state.length <= MAX_STATE ? state : undefined,
  });
  if (repeated.length > 0)
    return sendBack('invalid_request', `Each parameter once: ${repeated.join(', ')} given more than once.`);
  if (parameters.response_type !== 'code')
    return sendBack('unsupported_response_type', 'Only the authorization code flow: response_type=code.');
  if (parameters.code_challenge_method !== 'S256')
    return sendBack('invalid_request', 'PKCE is required: code_challenge_method=S256.');
  if (parameters.code_challenge === undefined || !CODE_CHALLENGE.test(parameters.code_challenge)) {
    return sendBack(
      'invalid_request',
      'PKCE is required: code_challenge, the base64url SHA-256 of the code verifier (43 characters).',
    );
  }
  if (state !== undefined && state.length > MAX_STATE)
    return sendBack('invalid_request', `state is longer than ${MAX_STATE} characters.`);
  if (parameters.nonce !== undefined && parameters.nonce.length > MAX_NONCE)
    return sendBack('invalid_request', `nonce is longer than ${MAX_NONCE} characters.`);
  const scope = (parameters.scope ?? '').split(' ').filter((s) => s.length > 0);
  if (!scope.includes('openid')) return sendBack('invalid_scope', 'OpenID Connect: scope must include openid.');
  return {
    outcome: 'proceed',
    request: {
      clientId,
      redirectUri,
      redirect,
      codeChallenge: parameters.code_challenge,
      scope: [...new Set(scope)],
      state,
      nonce: parameters.nonce,
      parameters,
    },
  };
}
