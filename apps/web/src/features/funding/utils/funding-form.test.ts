import { describe, expect, it } from 'vitest';
import type { ProblemDetails } from '../../../lib/problem';
import { fundingMessages } from '../messages';
import {
  applyResolution,
  compareVersions,
  COVERAGE_FIELDS,
  coverageApiValues,
  coverageBody,
  coverageValues,
  createBody,
  describeLineValue,
  EMPTY_LINE,
  explainFundingProblem,
  LINE_FIELDS,
  lineApiValues,
  lineToValues,
  NO_SUCCESSOR,
  patchBody,
  toLine,
  type FundingLine,
} from './funding-form';

const t = fundingMessages;

const LINE: FundingLine = toLine({
  id: '11111111-1111-4111-8111-111111111111',
  initiativeId: '22222222-2222-4222-8222-222222222222',
  sourceType: 'state_grant',
  funder: 'Länsstyrelsen Västra Götaland',
  decisionReference: null,
  amountSek: 1_200_000,
  periodStart: '2025-01-01',
  periodEnd: '2026-06-30',
  status: 'granted',
  reportingDeadlines: [{ date: '2026-09-30', kind: 'final', description: 'Slutredovisning' }],
  version: 3,
  createdAt: '2025-01-02T08:00:00Z',
  updatedAt: '2025-01-02T08:00:00Z',
});

describe('toLine', () => {
  it('should fill in the API’s defaults for what its document leaves optional', () => {
    expect(LINE).toMatchObject({
      renewable: false,
      paidInArrears: false,
      successorFundingId: null,
      coverageDecision: 'undecided',
      coverageNote: null,
    });
  });
});

describe('createBody', () => {
  it('should send empty text as null and "no successor" as null, and leave unchosen choices for the API to refuse', () => {
    const body = createBody({
      ...EMPTY_LINE,
      funder: '  MUCF ',
      decisionReference: ' ',
      reportingDeadlines: [{ date: '2026-01-31', kind: 'interim', description: '' }],
    });

    expect(body).toMatchObject({
      sourceType: null,
      funder: 'MUCF',
      decisionReference: null,
      amountSek: null,
      successorFundingId: null,
      budgetProjectCode: null,
      status: 'applied',
      reportingDeadlines: [{ date: '2026-01-31', kind: 'interim', description: null }],
    });
  });
});

describe('patchBody', () => {
  it('should send only the fields the person changed', () => {
    const values = { ...lineToValues(LINE), amountSek: 1_500_000, successorFundingId: NO_SUCCESSOR };

    expect(patchBody(LINE, values)).toEqual({ amountSek: 1_500_000 });
  });

  it('should send the whole list of deadlines when one is added or removed', () => {
    const values = { ...lineToValues(LINE), reportingDeadlines: [] };

    expect(patchBody(LINE, values)).toEqual({ reportingDeadlines: [] });
  });

  it('should send nothing when nothing changed, "" and null being the same', () => {
    expect(patchBody(LINE, lineToValues(LINE))).toEqual({});
  });
});

describe('compareVersions', () => {
  const base = lineApiValues(lineToValues(LINE));

  it('should take in what only someone else changed, and ask where both changed the same field differently', () => {
    const mine = lineApiValues({ ...lineToValues(LINE), amountSek: 1_000_000, funder: 'Brå' });
    const theirs = lineApiValues({ ...lineToValues(LINE), amountSek: 900_000, periodEnd: '2026-12-31', funder: 'Brå' });

    expect(compareVersions(LINE_FIELDS, base, mine, theirs)).toEqual({
      taken: ['periodEnd'],
      contested: ['amountSek'],
    });
  });

  it('should find nothing when the other save changed none of the form’s fields', () => {
    const mine = lineApiValues({ ...lineToValues(LINE), amountSek: 1_000_000 });

    expect(compareVersions(LINE_FIELDS, base, mine, base)).toEqual({ taken: [], contested: [] });
  });

  it('should compare deadlines as a whole list', () => {
    const mine = lineApiValues({ ...lineToValues(LINE), reportingDeadlines: [] });
    const theirs = lineApiValues({
      ...lineToValues(LINE),
      reportingDeadlines: [{ date: '2026-03-31', kind: 'claim', description: '' }],
    });

    expect(compareVersions(LINE_FIELDS, base, mine, theirs).contested).toEqual(['reportingDeadlines']);
  });
});

describe('applyResolution', () => {
  it('should take the stored value only where the person chose it', () => {
    const mine = { ...lineToValues(LINE), amountSek: 1, funder: 'Mitt' };
    const latest = { ...lineToValues(LINE), amountSek: 2, funder: 'Deras' };

    const resolved = applyResolution(mine, latest, ['amountSek', 'funder'], { amountSek: 'theirs', funder: 'mine' });

    expect(resolved).toMatchObject({ amountSek: 2, funder: 'Mitt' });
  });
});

describe('the coverage decision', () => {
  it('should leave who and when to the API when left empty, and compare only the decision and its note', () => {
    const line = {
      ...LINE,
      coverageDecision: 'phase_out' as const,
      coverageNote: 'Avvecklas',
      coverageDecidedBy: 'KS',
      coverageDecidedOn: '2025-03-12',
    };
    const values = { ...coverageValues(line), decision: 'ordinary_budget' as const, note: ' ' };

    expect(coverageBody(values)).toEqual({ decision: 'ordinary_budget', note: null, decidedBy: null, decidedOn: null });
    const comparison = compareVersions(
      COVERAGE_FIELDS,
      coverageApiValues(coverageValues(LINE)),
      coverageApiValues(values),
      coverageApiValues(coverageValues(line)),
    );
    expect(comparison).toEqual({ taken: ['note'], contested: ['decision'] });
  });
});

describe('describeLineValue', () => {
  it('should say values as the rest of the screen does', () => {
    expect(describeLineValue('amountSek', 1_200_000, [])).toMatch(/^1\s200\s000\skr$/);
    expect(describeLineValue('periodEnd', '2026-06-30', [])).toBe('30 juni 2026');
    expect(describeLineValue('successorFundingId', LINE.id, [LINE])).toBe(
      'Länsstyrelsen Västra Götaland, 1 januari 2025 – 30 juni 2026',
    );
    expect(describeLineValue('decisionReference', null, [])).toBe(t.conflict.empty);
    expect(describeLineValue('reportingDeadlines', LINE.reportingDeadlines, [])).toBe(
      '30 september 2026: Slutredovisning – Slutredovisning',
    );
  });
});

describe('explainFundingProblem', () => {
  const problem = (status: number, errors: ProblemDetails['errors'] = []): ProblemDetails => ({
    type: 'about:blank',
    title: 'x',
    status,
    detail: '',
    errors,
  });

  it('should put the API’s funding field messages in Swedish, saying an empty amount once', () => {
    const explained = explainFundingProblem(
      problem(400, [
        { field: 'periodEnd', message: 'periodEnd must be on or after periodStart' },
        { field: 'amountSek', message: 'amountSek must be whole kronor (an integer)' },
        { field: 'amountSek', message: 'amountSek must not be negative' },
        { field: 'funder', message: 'funder should not be empty' },
      ]),
      'create',
    );

    expect(explained.errors).toEqual([
      { field: 'periodEnd', message: t.problems.periodOrder },
      { field: 'amountSek', message: t.problems.wholeKronor },
      { field: 'funder', message: 'funder should not be empty' },
    ]);
  });

  it('should say why a 403 or 409 was refused in terms of what was being done', () => {
    expect(explainFundingProblem(problem(403), 'coverage').errors).toEqual([
      { field: '', message: t.coverage.forbidden },
    ]);
    expect(explainFundingProblem(problem(403), 'update').errors).toEqual([
      { field: '', message: t.problems.forbiddenLine },
    ]);
    expect(explainFundingProblem(problem(409), 'remove').errors).toEqual([{ field: '', message: t.problems.notDraft }]);
    expect(explainFundingProblem(problem(409), 'create').errors).toEqual([
      { field: '', message: t.problems.initiativeEnded },
    ]);
    expect(explainFundingProblem(problem(500), 'update').errors).toEqual([]);
  });
});
