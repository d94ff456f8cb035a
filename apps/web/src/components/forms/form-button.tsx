import type { ReactNode } from 'react';
import { Button, type ButtonProps } from 'react-aria-components';
import buttons from '../buttons.module.css';
import styles from './forms.module.css';

/** The form's buttons: `primary` (filled) for the one main action, `secondary` (outlined) for the rest. */
export function FormButton({
  variant = 'primary',
  className,
  ...props
}: Omit<ButtonProps, 'className'> & { variant?: 'primary' | 'secondary'; className?: string }) {
  const look = variant === 'primary' ? buttons.button : buttons.outlined;
  return <Button {...props} className={className ? `${look} ${className}` : look} />;
}

/** The row of buttons under a form, the main action first. */
export function FormActions({ children }: { children: ReactNode }) {
  return <div className={styles.actions}>{children}</div>;
}
