/** Roles a person can hold in Samla (design: Identity). A token may carry several. */
export const ROLES = ['admin', 'leadership', 'department_head', 'staff', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** A person signed in with a bearer token from the identity provider (or the development issuer). */
export type UserActor = {
  kind: 'user';
  /** The provider's stable id for the person (the configured user-id claim). */
  id: string;
  name: string | null;
  email: string | null;
  roles: Role[];
  /** The department the person works for, from the token or from Samla's own mapping; null when neither names one. */
  departmentId: string | null;
};

/** A machine client (the budget system) with an API key; it can do only what its scopes allow. */
export type ApiKeyActor = {
  kind: 'api_key';
  id: string;
  name: string;
  scopes: string[];
};

export type Actor = UserActor | ApiKeyActor;

/** Who is asking, and the request id that ties their change to the log lines. */
export type RequestContext = { actor: Actor; requestId: string };
