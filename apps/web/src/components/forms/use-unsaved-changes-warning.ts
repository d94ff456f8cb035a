import { useBlocker } from '@tanstack/react-router';
import { messages } from '../../lib/messages';

/**
 * Warns before unsaved changes are lost: a navigation inside the app asks first (the browser's own confirm dialog,
 * which every screen reader and keyboard handles), and closing or reloading the tab gets the browser's warning.
 */
export function useUnsavedChangesWarning(when: boolean): void {
  useBlocker({
    shouldBlockFn: () => !window.confirm(messages.forms.unsavedChanges),
    enableBeforeUnload: () => when,
    disabled: !when,
  });
}
