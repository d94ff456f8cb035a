import { act, renderHook } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { afterEach, describe, expect, it } from 'vitest';
import { readDraft } from '../../../lib/auth/drafts';
import { SESSION_ENDING_EVENT } from '../../../lib/auth/session';
import { useSessionDraft } from './use-session-draft';

type Values = { title: string; goalIds: string[] };
const opened: Values = { title: 'Sommarjobb', goalIds: [] };

function useDraftedForm(owner: string | undefined) {
  const form = useForm<Values>({ defaultValues: opened });
  const restored = useSessionDraft(form, 'insats-andra:SOMMAR', opened, owner);
  // Read in render, as a page does, so react-hook-form keeps it current.
  const { isDirty } = form.formState;
  return { form, restored, isDirty };
}

const endSession = () => act(() => void window.dispatchEvent(new CustomEvent(SESSION_ENDING_EVENT)));

afterEach(() => window.sessionStorage.clear());

describe('useSessionDraft', () => {
  it('should keep what was typed when the session ends, and give it back to the same person as unsaved changes', () => {
    const before = renderHook(() => useDraftedForm('ann'));
    act(() => before.result.current.form.setValue('title', 'Sommarjobb för unga', { shouldDirty: true }));
    endSession();
    before.unmount();
    expect(readDraft<Values>('insats-andra:SOMMAR', 'ann')?.value.title).toBe('Sommarjobb för unga');

    const after = renderHook(() => useDraftedForm('ann'));
    expect(after.result.current.form.getValues('title')).toBe('Sommarjobb för unga');
    expect(after.result.current.isDirty).toBe(true);
    expect(after.result.current.restored).toBe(true);
    // Given back once: the storage keeps no copy.
    expect(readDraft('insats-andra:SOMMAR', 'ann')).toBeNull();
  });

  it('should keep nothing when nothing was changed, and give nobody else the draft', () => {
    const untouched = renderHook(() => useDraftedForm('ann'));
    endSession();
    untouched.unmount();
    expect(readDraft('insats-andra:SOMMAR', 'ann')).toBeNull();

    const typed = renderHook(() => useDraftedForm('ann'));
    act(() => typed.result.current.form.setValue('goalIds', ['g1']));
    endSession();
    typed.unmount();
    const someoneElse = renderHook(() => useDraftedForm('bo'));
    expect(someoneElse.result.current.form.getValues('goalIds')).toEqual([]);
    expect(someoneElse.result.current.restored).toBe(false);
  });
});
