import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { I18nProvider } from 'react-aria-components';
import { describe, expect, it, vi } from 'vitest';
import { ApiProblemError } from '../../lib/api-client';
import type { ProblemDetails } from '../../lib/problem';
import { ErrorSummary, labelFor } from './error-summary';
import { fieldId } from './field-id';
import {
  CheckboxGroupField,
  DateField,
  NumberField,
  RadioGroupField,
  SelectField,
  TextAreaField,
  TextField,
} from './fields';
import { FormButton } from './form-button';
import { REQUIRED, useApiForm } from './use-api-form';

type Values = {
  title: string;
  summary: string;
  annualCostSek: number | null;
  startDate: string | null;
  kind: string | null;
  districtCodes: string[];
  ragStatus: string | null;
  participants: Array<{ role: string }>;
};

const labels = {
  title: 'Titel',
  summary: 'Sammanfattning',
  'participants.*.role': 'Roll',
  annualCostSek: 'Årlig kostnad',
};

function Form({ action }: { action: (values: Values) => Promise<void> }) {
  const { form, problem, submitWith } = useApiForm<Values>({
    defaultValues: {
      title: '',
      summary: '',
      annualCostSek: 1234567,
      startDate: '2026-01-15',
      kind: null,
      districtCodes: [],
      ragStatus: null,
      participants: [{ role: 'partner' }],
    },
    fields: [
      'title',
      'summary',
      'annualCostSek',
      'startDate',
      'kind',
      'districtCodes',
      'ragStatus',
      'participants.0.role',
    ],
  });
  const { control } = form;
  return (
    <I18nProvider locale="sv-SE">
      <main>
        <h1>Formulär</h1>
        <form onSubmit={submitWith(action)} noValidate>
          <ErrorSummary problem={problem} labels={labels} />
          <TextField control={control} name="title" label="Titel" isRequired />
          <TextAreaField
            control={control}
            name="summary"
            label="Sammanfattning"
            description="Vad insatsen gör, för vem."
          />
          <NumberField control={control} name="annualCostSek" label="Årlig kostnad" unit="kr" />
          <DateField control={control} name="startDate" label="Startdatum" />
          <SelectField control={control} name="kind" label="Typ" options={[{ id: 'project', label: 'Projekt' }]} />
          <CheckboxGroupField
            control={control}
            name="districtCodes"
            label="Områden"
            options={[{ id: 'LEX', label: 'Lextorp' }]}
          />
          <RadioGroupField
            control={control}
            name="ragStatus"
            label="Bedömning"
            options={[{ id: 'green', label: 'Grön' }]}
          />
          <TextField control={control} name="participants.0.role" label="Roll" />
          <FormButton type="submit">Spara</FormButton>
        </form>
      </main>
    </I18nProvider>
  );
}

function RequiredForm({ action }: { action: () => Promise<void> }) {
  const { form, problem, submitWith } = useApiForm<{ title: string }>({ defaultValues: { title: '' } });
  return (
    <form onSubmit={submitWith(action)} noValidate>
      <ErrorSummary problem={problem} labels={{ title: 'Titel' }} />
      <TextField control={form.control} name="title" label="Titel" isRequired rules={REQUIRED} />
      <FormButton type="submit">Spara</FormButton>
    </form>
  );
}

const refusal: ProblemDetails = {
  type: 'about:blank',
  title: 'Bad Request',
  status: 400,
  detail: 'Validation failed',
  errors: [
    { field: 'title', message: 'title should not be empty' },
    { field: 'participants[0].role', message: 'role must be one of the following values: lead, partner' },
    { field: 'processOwner.email', message: 'email must be an email' },
  ],
};

async function submit() {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
  });
}

describe('the form kit', () => {
  it('should put the API’s field errors on their fields in Swedish and focus a summary that links each one', async () => {
    render(<Form action={() => Promise.reject(new ApiProblemError(refusal))} />);
    await submit();

    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(within(summary).getByRole('heading', { name: 'Det gick inte att spara' })).toBeTruthy();
    const links = within(summary).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Titel: Fältet måste fyllas i.', `#${fieldId('title')}`],
      ['Roll (rad 1): Välj ett av alternativen.', `#${fieldId('participants.0.role')}`],
    ]);
    // A field the form does not show is still said, without a link.
    expect(summary.textContent).toContain('processOwner.email: Ange en giltig e-postadress.');

    const title = screen.getByRole('textbox', { name: /Titel/ });
    expect(title.id).toBe('falt-title');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (title.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(describedBy).toContain('Fältet måste fyllas i.');

    fireEvent.click(links[1]!);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Roll' }));
  });

  it('should pass axe with the errors shown', async () => {
    document.documentElement.lang = 'sv';
    document.title = 'Formulär';
    render(<Form action={() => Promise.reject(new ApiProblemError(refusal))} />);
    await submit();
    await screen.findByRole('alert');

    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
    document.documentElement.removeAttribute('lang');
  });

  it('should send the values, and clear the summary once a save succeeds', async () => {
    const action = vi
      .fn<(values: Values) => Promise<void>>()
      .mockRejectedValueOnce(new ApiProblemError(refusal))
      .mockResolvedValue(undefined);
    render(<Form action={action} />);
    await submit();
    await screen.findByRole('alert');

    fireEvent.change(screen.getByRole('textbox', { name: /Titel/ }), { target: { value: 'Fritid för alla' } });
    await submit();

    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(action).toHaveBeenLastCalledWith(
      expect.objectContaining({
        title: 'Fritid för alla',
        annualCostSek: 1234567,
        startDate: '2026-01-15',
        districtCodes: [],
      }),
    );
  });

  it('should show the amount as sv-SE kronor and the date in segments', () => {
    render(<Form action={() => Promise.resolve()} />);
    const amount = screen.getByRole<HTMLInputElement>('textbox', { name: 'Årlig kostnad' });
    expect(amount.value.replace(/\s/g, ' ')).toBe('1 234 567 kr');
    expect(screen.getByRole('group', { name: 'Startdatum' }).textContent).toContain('2026');
  });

  it('should say what the form’s own rules refuse the same way, before anything is sent', async () => {
    const action = vi.fn(() => Promise.resolve());
    render(<RequiredForm action={action} />);
    await submit();

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe('Titel: Fältet måste fyllas i.');
    expect(action).not.toHaveBeenCalled();
  });

  it('should name a row’s field by its label and row, and fall back to the path', () => {
    expect(labelFor(labels, 'participants.2.role')).toBe('Roll (rad 3)');
    expect(labelFor(labels, 'title')).toBe('Titel');
    expect(labelFor(labels, 'goalIds')).toBe('goalIds');
    expect(labelFor((path) => (path === 'x' ? 'X' : undefined), 'x')).toBe('X');
  });
});
