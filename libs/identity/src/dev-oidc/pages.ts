import { ROLES, type Role } from '../actor.js';

/** What the sign-in page names each role, and what it lets a person do (the matrix in docs/domain.md, in brief). */
export const ROLE_CHOICES: Record<Role, { label: string; hint: string }> = {
  admin: { label: 'Administratör', hint: 'Får göra allt, även sköta användare, API-nycklar och referensdata.' },
  leadership: {
    label: 'Ledningsgrupp',
    hint: 'Beslutar om insatser, täckning av finansiering och portföljgenomgångar i hela kommunen.',
  },
  department_head: {
    label: 'Förvaltningschef',
    hint: 'Registrerar, ändrar och föreslår den egna förvaltningens insatser.',
  },
  staff: { label: 'Medarbetare', hint: 'Ändrar den egna förvaltningens insatser, finansiering och uppföljning.' },
  auditor: { label: 'Revisor', hint: 'Läser allt, även ändringsloggen, men ändrar inget.' },
};

/** The authorization request's parameters, carried through the form in hidden fields and checked again on POST. */
export const AUTHORIZE_PARAMETERS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'code_challenge',
  'code_challenge_method',
  'state',
  'scope',
  'nonce',
] as const;
export type AuthorizeParameters = Partial<Record<(typeof AUTHORIZE_PARAMETERS)[number], string>>;

export type FormField = 'role' | 'department' | 'name';
export type SignInForm = { role?: string; department?: string; name?: string };
export type SignInPage = {
  request: AuthorizeParameters;
  departments: readonly { code: string; name: string }[];
  values: SignInForm;
  errors: Partial<Record<FormField, string>>;
};

export const STYLESHEET_PATH = 'authorize.css';
const TITLE = 'Utvecklingsinloggning';
const MARKING = 'Utvecklingsinloggning – endast för utveckling och demo';

/** HTML-escapes text and attribute values (every value on these pages comes from the request or the database). */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – Samla</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<main>
<p class="marking"><strong>${MARKING}</strong></p>
${body}
</main>
</body>
</html>
`;
}

/**
 * The sign-in form: a role (radio buttons in a fieldset), a department from the database and a display name. No
 * script and no inline style (the route's CSP allows neither); errors are listed first, focused, and linked to their
 * fields, and each field names its error through aria-describedby.
 */
export function renderSignInPage({ request, departments, values, errors }: SignInPage): string {
  const fieldsWithErrors = (['role', 'department', 'name'] as const).filter((field) => errors[field]);
  const describedBy = (field: FormField, hint?: string) => {
    const ids = [hint, errors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ');
    return ids ? ` aria-describedby="${ids}"` : '';
  };
  const invalid = (field: FormField) => (errors[field] ? ' aria-invalid="true"' : '');
  const errorText = (field: FormField) =>
    errors[field]
      ? `<p class="error" id="${field}-error"><span class="visually-hidden">Fel: </span>${escapeHtml(errors[field])}</p>\n`
      : '';
  const firstInputOf = (field: FormField) =>
    field === 'role' ? `role-${ROLES.find((role) => role === values.role) ?? ROLES[0]}` : field;

  const summary = fieldsWithErrors.length
    ? `<div class="error-summary" tabindex="-1" autofocus aria-labelledby="error-summary-title">
<h2 id="error-summary-title">Rätta det här innan du loggar in</h2>
<ul>
${fieldsWithErrors.map((field) => `<li><a href="#${firstInputOf(field)}">${escapeHtml(errors[field]!)}</a></li>`).join('\n')}
</ul>
</div>
`
    : '';

  const hidden = Object.entries(request)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');

  const roles = ROLES.map((role) => {
    const id = `role-${role}`;
    const checked = values.role === role ? ' checked' : '';
    return `<div class="choice">
<input type="radio" id="${id}" name="role" value="${role}"${checked} aria-describedby="${id}-hint">
<label for="${id}">${ROLE_CHOICES[role].label}</label>
<p class="hint" id="${id}-hint">${ROLE_CHOICES[role].hint}</p>
</div>`;
  }).join('\n');

  const options = [
    `<option value=""${values.department ? '' : ' selected'}>Ingen förvaltning</option>`,
    ...departments.map(
      (d) =>
        `<option value="${escapeHtml(d.code)}"${values.department?.toUpperCase() === d.code ? ' selected' : ''}>${escapeHtml(d.name)} (${escapeHtml(d.code)})</option>`,
    ),
  ].join('\n');

  return page(
    fieldsWithErrors.length ? `Fel: ${TITLE}` : TITLE,
    `<h1>Logga in i Samla</h1>
<p>Välj vem du vill vara. Här finns inget lösenord: den här inloggningen finns bara när Samla körs utan kommunens
inloggningstjänst. I en riktig installation loggar du in med ditt vanliga konto, och din roll och förvaltning kommer
därifrån.</p>
${summary}<form method="post" action="authorize" novalidate>
${hidden}
<fieldset${describedBy('role')}>
<legend>Roll</legend>
${errorText('role')}${roles}
</fieldset>
<div class="field">
<label for="department">Förvaltning</label>
<p class="hint" id="department-hint">Förvaltningschefer och medarbetare agerar för en förvaltning och behöver välja en.</p>
${errorText('department')}<select id="department" name="department"${describedBy('department', 'department-hint')}${invalid('department')}>
${options}
</select>
</div>
<div class="field">
<label for="name">Namn som visas</label>
<p class="hint" id="name-hint">Syns i ändringsloggen. Lämna tomt för rollens namn och förvaltningens kod, till exempel Förvaltningschef ASF.</p>
${errorText('name')}<input type="text" id="name" name="name" maxlength="200" autocomplete="off" spellcheck="false" value="${escapeHtml(values.name ?? '')}"${describedBy('name', 'name-hint')}${invalid('name')}>
</div>
<div class="actions">
<button type="submit" name="action" value="sign_in">Logga in</button>
<button type="submit" name="action" value="cancel" class="secondary">Avbryt</button>
</div>
</form>`,
  );
}

/** A request the issuer cannot send back (unknown client, redirect URI not Samla's): said here, never redirected. */
export function renderRefusalPage(message: string): string {
  return page(`Fel: ${TITLE}`, `<h1>Inloggningen kan inte göras</h1>\n<p>${escapeHtml(message)}</p>`);
}

/** After logout without a page to return to. */
export function renderSignedOutPage(home: string): string {
  return page(`Utloggad: ${TITLE}`, `<h1>Du är utloggad</h1>\n<p><a href="${escapeHtml(home)}">Till Samla</a></p>`);
}

/** The pages' only styles, served from a route of their own so the CSP needs no 'unsafe-inline'. */
export const STYLESHEET = `:root { color-scheme: light; font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1b1b; background: #fff; }
body { margin: 0; }
main { max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
.marking { margin: 0 0 1.5rem; padding: 0.75rem 1rem; border: 3px solid #8a4b00; background: #fff4e0; color: #3d2100; }
h1 { font-size: 1.75rem; margin: 0 0 1rem; }
fieldset { border: 0; padding: 0; margin: 1.5rem 0; }
legend, label[for="department"], label[for="name"] { font-weight: 700; font-size: 1.125rem; }
.choice { display: grid; grid-template-columns: 1.5rem 1fr; column-gap: 0.5rem; margin: 0.5rem 0; }
.choice input { width: 1.25rem; height: 1.25rem; margin: 0.15rem 0 0; }
.choice .hint { grid-column: 2; }
.field { margin: 1.5rem 0; }
.field label { display: block; }
.hint { margin: 0.125rem 0 0.375rem; color: #4a4a4a; }
select, input[type="text"] { font: inherit; width: 100%; box-sizing: border-box; padding: 0.5rem; border: 2px solid #4a4a4a; border-radius: 0.25rem; background: #fff; color: inherit; }
[aria-invalid="true"] { border-color: #b00020; }
.error { margin: 0.25rem 0; color: #b00020; font-weight: 700; }
.error-summary { margin: 1.5rem 0; padding: 1rem; border: 3px solid #b00020; }
.error-summary h2 { font-size: 1.25rem; margin: 0 0 0.5rem; }
.error-summary a { color: #b00020; font-weight: 700; }
.actions { display: flex; gap: 1rem; flex-wrap: wrap; }
button { font: inherit; font-weight: 700; padding: 0.625rem 1.25rem; border: 2px solid #0b4f8a; border-radius: 0.25rem; background: #0b4f8a; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #0b4f8a; }
a { color: #0b4f8a; }
:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; box-shadow: 0 0 0 5px #ffd24d; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;
