import type { ClientStatus } from '../../../shared/domain/client.js';

/** Light badges; the theme darkens their text so each passes WCAG AA. */
export const statusColour: Record<ClientStatus, string> = {
  aanmelding: 'blue',
  in_zorg: 'teal',
  uit_zorg: 'gray',
};
export const clientStatuses: ClientStatus[] = ['aanmelding', 'in_zorg', 'uit_zorg'];
