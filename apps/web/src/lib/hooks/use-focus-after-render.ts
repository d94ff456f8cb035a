import { useCallback, useEffect, useReducer, useRef } from 'react';

/** Tries to move focus; false while its element is not on screen yet. */
export type FocusAttempt = () => boolean;

/**
 * Moves focus once what it goes to is on screen: a row just added (its field exists only after the render), the
 * opener of a form just closed, a line the list shows again after a write. Asking re-renders; after each render the
 * attempt is made until it succeeds, and then forgotten.
 */
export function useFocusAfterRender(): (attempt: FocusAttempt) => void {
  const pending = useRef<FocusAttempt | null>(null);
  const [, rerender] = useReducer((renders: number) => renders + 1, 0);
  useEffect(() => {
    if (pending.current?.()) pending.current = null;
  });
  return useCallback((attempt: FocusAttempt) => {
    pending.current = attempt;
    rerender();
  }, []);
}

/** A FocusAttempt on the element with this id, if any: focus moves in the next frame (after react-aria's own). */
export function focusById(id: string): FocusAttempt {
  return () => {
    const element = document.getElementById(id);
    if (!element) return false;
    requestAnimationFrame(() => element.focus());
    return true;
  };
}
