import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProblemError } from '../lib/api-client';
import { messages } from '../lib/messages';
import { LoadError } from './load-error';

afterEach(cleanup);

describe('LoadError', () => {
  it('should announce what failed, what to do by the status, and the error id to quote', () => {
    const error = new ApiProblemError({
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
      detail: 'Not yours.',
      errorId: 'e-123',
    });
    render(<LoadError error={error} message="Rapporterna kunde inte hämtas." onRetry={() => undefined} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Rapporterna kunde inte hämtas.');
    expect(alert.textContent).toContain(messages.problem.byStatus[403]);
    expect(alert.textContent).toContain(messages.problem.errorId('e-123'));
  });

  it('should try again on the press of its button', () => {
    const onRetry = vi.fn();
    render(<LoadError error={new Error('network')} onRetry={onRetry} />);
    fireEvent.click(screen.getByRole('button', { name: messages.loadError.retry }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
