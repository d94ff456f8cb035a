import { messages, type InitiativeStatusKey } from '../../../lib/messages';

export function statusLabel(status: string): string {
  return messages.initiativeStatus[status as InitiativeStatusKey] ?? status;
}
