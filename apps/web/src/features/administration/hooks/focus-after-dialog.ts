/**
 * Moves focus to `target` once the alert dialog has gone: a closing dialog hands focus back to its button, and when
 * that button goes with the change (a revoked key, a removed subscription), focus would be lost. Bounded to a second.
 */
export function focusAfterDialog(target: () => HTMLElement | null, frames = 60) {
  requestAnimationFrame(() =>
    frames > 0 && document.querySelector('[role="alertdialog"]')
      ? focusAfterDialog(target, frames - 1)
      : target()?.focus(),
  );
}
