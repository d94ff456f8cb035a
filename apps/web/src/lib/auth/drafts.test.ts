import { describe, expect, it } from 'vitest';
import { clearAllDrafts, clearDraft, DRAFT_MAX_AGE_MS, readDraft, saveDraft } from './drafts';

const typed = { title: 'Unga till arbete', summary: 'Halvskrivet …' };

describe('drafts', () => {
  it('should give back what its owner saved, in this tab’s sessionStorage and never localStorage', () => {
    const savedAt = new Date('2026-03-02T09:00:00Z');

    expect(saveDraft('initiative-edit:SSPF', typed, 'subject-a', savedAt)).toBe(true);

    expect(readDraft('initiative-edit:SSPF', 'subject-a', new Date('2026-03-02T09:30:00Z'))).toEqual({
      value: typed,
      savedAt: savedAt.toISOString(),
    });
    expect(window.localStorage.length).toBe(0);
  });

  it('should not give a draft to someone else signing in in the same tab', () => {
    saveDraft('initiative-edit:SSPF', typed, 'subject-a');

    expect(readDraft('initiative-edit:SSPF', 'subject-b')).toBeNull();
  });

  it('should drop a draft older than a sign-in lasts, and one that is not a draft', () => {
    saveDraft('old', typed, 'subject-a', new Date('2026-03-02T09:00:00Z'));
    window.sessionStorage.setItem('samla.draft.broken', '{not json');

    expect(
      readDraft('old', 'subject-a', new Date(Date.parse('2026-03-02T09:00:00Z') + DRAFT_MAX_AGE_MS + 1)),
    ).toBeNull();
    expect(readDraft('broken', 'subject-a')).toBeNull();
    expect(window.sessionStorage.length).toBe(0);
  });

  it('should clear one draft, or all of them and nothing else', () => {
    saveDraft('a', 1, 's');
    saveDraft('b', 2, 's');
    window.sessionStorage.setItem('oidc.user:x', '{}');

    clearDraft('a');
    expect(readDraft('a', 's')).toBeNull();
    clearAllDrafts();

    expect(readDraft('b', 's')).toBeNull();
    expect(window.sessionStorage.getItem('oidc.user:x')).toBe('{}');
  });
});
