import {
  ALLOWED_TRANSITIONS,
  canMove,
  INITIATIVE_STATUSES,
  unmetGuards,
  type GuardFacts,
  type InitiativeStatus,
} from './initiative-lifecycle.js';

const READY: GuardFacts = {
  leadDepartmentId: 'a2f1c0de-0000-4000-8000-000000000001',
  goalCount: 1,
  fundingLineCount: 1,
  hasFollowUpPlan: true,
  startDate: '2024-01-15',
};
const NOTHING: GuardFacts = {
  leadDepartmentId: null,
  goalCount: 0,
  fundingLineCount: 0,
  hasFollowUpPlan: false,
  startDate: null,
};

const guardsOf = (to: InitiativeStatus, facts: GuardFacts) => unmetGuards(to, facts).map((u) => u.guard);

describe('initiative lifecycle', () => {
  describe('canMove', () => {
    it.each<[InitiativeStatus, InitiativeStatus]>([
      ['draft', 'proposed'],
      ['draft', 'discontinued'],
      ['proposed', 'draft'],
      ['proposed', 'approved'],
      ['proposed', 'discontinued'],
      ['approved', 'active'],
      ['approved', 'discontinued'],
      ['active', 'completed'],
      ['active', 'integrated'],
      ['active', 'discontinued'],
    ])('should allow %s → %s when the design lists the move', (from, to) => {
      expect(canMove(from, to)).toBe(true);
    });

    it.each<[InitiativeStatus, InitiativeStatus]>([
      ['draft', 'approved'],
      ['draft', 'active'],
      ['draft', 'completed'],
      ['proposed', 'active'],
      ['approved', 'draft'],
      ['approved', 'completed'],
      ['active', 'draft'],
      ['active', 'approved'],
      ['draft', 'draft'],
      ['active', 'active'],
    ])('should refuse %s → %s when the move skips, reverses or stays', (from, to) => {
      expect(canMove(from, to)).toBe(false);
    });

    it.each<InitiativeStatus>(['completed', 'integrated', 'discontinued'])(
      'should refuse every move when the initiative is %s',
      (ended) => {
        expect(INITIATIVE_STATUSES.filter((to) => canMove(ended, to))).toEqual([]);
      },
    );

    it('should allow discontinuing when the initiative has not yet ended', () => {
      const open = INITIATIVE_STATUSES.filter((s) => ALLOWED_TRANSITIONS[s].length > 0);

      expect(open).toEqual(['draft', 'proposed', 'approved', 'active']);
      for (const from of open) expect(canMove(from, 'discontinued')).toBe(true);
    });
  });

  describe('unmetGuards', () => {
    it.each<InitiativeStatus>(['proposed', 'approved', 'active'])(
      'should report nothing when every guard for %s is met',
      (to) => {
        expect(unmetGuards(to, READY)).toEqual([]);
      },
    );

    it.each<[InitiativeStatus, string[]]>([
      ['draft', []],
      ['proposed', ['leadDepartment', 'goal']],
      ['approved', ['leadDepartment', 'goal', 'followUpPlan', 'funding']],
      ['active', ['leadDepartment', 'goal', 'followUpPlan', 'funding', 'startDate']],
      ['completed', []],
      ['integrated', []],
      ['discontinued', []],
    ])('should report every unmet guard together when moving to %s with nothing in place', (to, guards) => {
      expect(guardsOf(to, NOTHING)).toEqual(guards);
    });

    it.each<[keyof GuardFacts, GuardFacts[keyof GuardFacts], string]>([
      ['leadDepartmentId', null, 'leadDepartment'],
      ['goalCount', 0, 'goal'],
    ])('should refuse proposed when %s is %p', (fact, value, guard) => {
      expect(guardsOf('proposed', { ...READY, [fact]: value })).toEqual([guard]);
    });

    it.each<[keyof GuardFacts, GuardFacts[keyof GuardFacts], string]>([
      ['leadDepartmentId', null, 'leadDepartment'],
      ['goalCount', 0, 'goal'],
      ['hasFollowUpPlan', false, 'followUpPlan'],
      ['fundingLineCount', 0, 'funding'],
    ])('should refuse approved when %s is %p', (fact, value, guard) => {
      expect(guardsOf('approved', { ...READY, [fact]: value })).toEqual([guard]);
    });

    it('should refuse active when the start date is missing', () => {
      expect(guardsOf('active', { ...READY, startDate: null })).toEqual(['startDate']);
    });

    it('should not ask for approval guards when the move is only to proposed', () => {
      expect(guardsOf('proposed', { ...READY, hasFollowUpPlan: false, fundingLineCount: 0, startDate: null })).toEqual(
        [],
      );
    });

    it('should not ask for a start date when the move is to approved', () => {
      expect(guardsOf('approved', { ...READY, startDate: null })).toEqual([]);
    });

    it('should give each unmet guard a readable message when several are unmet', () => {
      const unmet = unmetGuards('approved', { ...READY, goalCount: 0, hasFollowUpPlan: false });

      expect(unmet).toEqual([
        { guard: 'goal', message: expect.stringMatching(/goal/) },
        { guard: 'followUpPlan', message: expect.stringMatching(/follow-up plan/) },
      ]);
    });
  });
});
