/**
 * The DOM id of a form field, from its react-hook-form path: `participants.0.role` → `falt-participants-0-role`. The
 * error summary links to it, and other pages link to a field to fix with `#` + fieldId(name).
 */
export function fieldId(name: string): string {
  return `falt-${name.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** Moves focus to a field by its path: the control itself, or the first control of a group (radio buttons, a date). */
export function focusField(name: string): boolean {
  return focusFieldById(fieldId(name));
}

/** focusField by the field's DOM id, as a link to it names it (`/insatser/SSPF/andra#falt-title`). */
export function focusFieldById(id: string): boolean {
  const element = document.getElementById(id);
  if (!element) return false;
  const target = element.matches('input, textarea, select, button, [tabindex]')
    ? element
    : element.querySelector<HTMLElement>(
        'input:not([type="hidden"]), textarea, select, button, [tabindex]:not([tabindex="-1"])',
      );
  (target ?? element).focus();
  target?.scrollIntoView?.({ block: 'center' });
  return true;
}
