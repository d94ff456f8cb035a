import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { focusById, useFocusAfterRender } from './use-focus-after-render';

function Rows() {
  const [rows, setRows] = useState<string[]>([]);
  const focusAfterRender = useFocusAfterRender();
  const add = () => {
    const id = `rad-${rows.length + 1}`;
    setRows([...rows, id]);
    focusAfterRender(() => {
      const input = document.getElementById(id);
      input?.focus();
      return input !== null;
    });
  };
  return (
    <>
      {rows.map((id) => (
        <input key={id} id={id} aria-label={id} />
      ))}
      <button type="button" onClick={add}>
        Lägg till
      </button>
      <button type="button" id="till-knappen" onClick={() => focusAfterRender(focusById('saknas'))}>
        Till något som saknas
      </button>
    </>
  );
}

describe('useFocusAfterRender', () => {
  it('should focus a row that exists only after the render its adding causes', () => {
    render(<Rows />);
    act(() => screen.getByRole('button', { name: 'Lägg till' }).click());
    act(() => screen.getByRole('button', { name: 'Lägg till' }).click());

    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'rad-2' }));
  });

  it('should leave focus alone while the element asked for is not on screen', () => {
    render(<Rows />);
    const button = screen.getByRole('button', { name: 'Till något som saknas' });
    button.focus();
    act(() => button.click());

    expect(document.activeElement).toBe(button);
  });
});
