import type { Actor, Role } from '#identity';
import { ALLOWED_TRANSITIONS, INITIATIVE_STATUSES, type InitiativeStatus } from './initiative-lifecycle.js';
import { mayMove, TRANSITION_PERMISSIONS } from './transition-permissions.js';

const OWN = '0b7d1a52-0000-4000-8000-000000000001';
const OTHER = '0b7d1a52-0000-4000-8000-000000000002';

const person = (roles: Role[], departmentId: string | null = OWN): Actor => ({
  kind: 'user',
  id: 'p',
  name: null,
  email: null,
  roles,
  departmentId,
});
const MOVES: [InitiativeStatus, InitiativeStatus][] = INITIATIVE_STATUSES.flatMap((from) =>
  ALLOWED_TRANSITIONS[from].map((to): [InitiativeStatus, InitiativeStatus] => [from, to]),
);
const movesOf = (actor: Actor, owners: (string | null)[]) =>
  MOVES.filter(([from, to]) => mayMove(actor, from, to, owners)).map(([from, to]) => `${from}→${to}`);

describe('transition permissions', () => {
  it('should name exactly the moves the lifecycle has when compared with ALLOWED_TRANSITIONS', () => {
    for (const from of INITIATIVE_STATUSES) {
      expect(Object.keys(TRANSITION_PERMISSIONS[from]).sort()).toEqual([...ALLOWED_TRANSITIONS[from]].sort());
    }
  });

  it('should let an admin make every move when the initiative belongs to another department', () => {
    expect(movesOf(person(['admin']), [OTHER])).toHaveLength(MOVES.length);
  });

  it('should let a department head only propose and withdraw when their department leads or co-owns the initiative', () => {
    expect(movesOf(person(['department_head']), [OTHER, OWN])).toEqual(['draft→proposed', 'proposed→draft']);
  });

  it('should let a department head make no move when the initiative is another department’s', () => {
    expect(movesOf(person(['department_head']), [OTHER])).toEqual([]);
  });

  it('should let a department head make no move when their token names no department', () => {
    expect(movesOf(person(['department_head'], null), [null])).toEqual([]);
  });

  it('should let the leadership group make every move but proposing when the initiative is any department’s', () => {
    expect(movesOf(person(['leadership']), [OTHER])).toEqual(
      MOVES.map(([f, t]) => `${f}→${t}`).filter((m) => m !== 'draft→proposed'),
    );
  });

  it.each<Role>(['staff', 'auditor'])(
    'should let %s make no move when their department leads the initiative',
    (role) => {
      expect(movesOf(person([role]), [OWN])).toEqual([]);
    },
  );

  it('should allow what any one role allows when a person holds several', () => {
    expect(mayMove(person(['staff', 'department_head']), 'draft', 'proposed', [OWN])).toBe(true);
    expect(mayMove(person(['department_head', 'leadership']), 'draft', 'proposed', [OTHER])).toBe(false);
    expect(mayMove(person(['department_head', 'leadership']), 'proposed', 'approved', [OTHER])).toBe(true);
  });

  it('should refuse every move when the actor is an API key', () => {
    const key: Actor = { kind: 'api_key', id: 'k', name: 'Budgetsystemet', scopes: ['portfolio:read'] };

    expect(movesOf(key, [OWN])).toEqual([]);
  });

  it('should refuse a move the lifecycle does not have when the actor is an admin', () => {
    expect(mayMove(person(['admin']), 'draft', 'active', [OWN])).toBe(false);
  });
});
