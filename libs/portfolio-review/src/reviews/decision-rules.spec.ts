import { PORTFOLIO_DECISIONS, statusAfterDecision, transitionComment } from './decision-rules.js';

describe('statusAfterDecision', () => {
  it('moves stop to discontinued and integrate to integrated', () => {
    expect(statusAfterDecision('stop')).toBe('discontinued');
    expect(statusAfterDecision('integrate')).toBe('integrated');
  });

  it('leaves the status alone for every other decision, pause included', () => {
    const staying = PORTFOLIO_DECISIONS.filter((d) => d !== 'stop' && d !== 'integrate');
    expect(staying).toEqual(['continue', 'scale_up', 'adjust', 'pause', 'seek_funding']);
    for (const decision of staying) expect(statusAfterDecision(decision)).toBeNull();
  });
});

describe('transitionComment', () => {
  it('names the review and the rationale', () => {
    expect(transitionComment('Portföljgenomgång november 2026', 'Målgruppen nås av MBU.')).toBe(
      'Beslut i Portföljgenomgång november 2026: Målgruppen nås av MBU.',
    );
  });
});
