import { useCallback, useState, type BaseSyntheticEvent } from 'react';
import { useForm, type FieldErrors, type FieldValues, type UseFormProps, type UseFormReturn } from 'react-hook-form';
import { ApiProblemError } from '../../lib/api-client';
import { messages } from '../../lib/messages';
import { applyFieldErrors, summaryFor, toFormProblem, type FormProblem } from '../../lib/problem';

export type ApiFormOptions<T extends FieldValues> = UseFormProps<T> & {
  /** The fields the form shows: errors for any other go to the summary's list, so none is lost. */
  fields?: readonly string[];
};

export type ApiForm<T extends FieldValues> = {
  form: UseFormReturn<T>;
  /** The last refusal (from the API, or the form's own checks), for ErrorSummary; null once a save succeeds. */
  problem: FormProblem | null;
  setProblem: (problem: FormProblem | null) => void;
  /** The submit handler: runs `action` with the values; a refusal lands on the fields and in `problem`. */
  submitWith: (action: (values: T) => Promise<void>) => (event?: BaseSyntheticEvent) => Promise<void>;
};

/** The form's own checks (react-hook-form rules) as the same kind of problem the API's refusals are. */
export function problemFromFieldErrors(errors: FieldErrors): FormProblem {
  const fieldErrors: FormProblem['fieldErrors'] = {};
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') return;
    const message = (node as { message?: unknown }).message;
    if (typeof message === 'string' && 'type' in node) {
      fieldErrors[path] = [{ message, apiMessage: message }];
      return;
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'ref') walk(child, path ? `${path}.${key}` : key);
  };
  walk(errors, '');
  return { status: 400, kind: 'invalid', summary: summaryFor(400), fieldErrors, otherErrors: [], unmetGuards: [] };
}

/**
 * react-hook-form with the API's problem details wired in: a 400's `errors` land on their fields in Swedish, and the
 * problem (whatever its status) goes to `problem` for the ErrorSummary, which takes focus so screen readers hear it.
 * The same happens for the form's own rules, so a person meets one way of being told what to fix.
 */
export function useApiForm<T extends FieldValues>({ fields, ...options }: ApiFormOptions<T>): ApiForm<T> {
  const form = useForm<T>({ shouldFocusError: false, ...options });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const submitWith = useCallback(
    (action: (values: T) => Promise<void>) =>
      form.handleSubmit(
        async (values) => {
          try {
            await action(values);
            setProblem(null);
          } catch (error) {
            if (!(error instanceof ApiProblemError)) throw error;
            const mapped = toFormProblem(error.problem, fields ? { fields } : {});
            // The summary takes focus, not the first field: it says how many things to fix and links each.
            applyFieldErrors<T>(mapped, (name, fieldError) => form.setError(name, fieldError, { shouldFocus: false }));
            setProblem(mapped);
          }
        },
        (errors) => setProblem(problemFromFieldErrors(errors)),
      ),
    [form, fields],
  );
  return { form, problem, setProblem, submitWith };
}

/** The Swedish "this must be filled in" for react-hook-form's `required` rule. */
export const REQUIRED = { required: messages.problem.field.required } as const;
