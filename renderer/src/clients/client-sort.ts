import type { ClientListItem } from '../../../shared/ipc/calls/clients.js';

export type ClientSort = 'name' | 'dossierNumber' | 'birthDate' | 'postcode';

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** Dutch registers sort by last name, not by the tussenvoegsel ("van der Berg" under B). */
export function sortClients(items: ClientListItem[], sort: ClientSort): ClientListItem[] {
  const key = (c: ClientListItem): string => {
    switch (sort) {
      case 'name':
        return `${c.lastName} ${c.firstName}`;
      case 'dossierNumber':
        return c.dossierNumber;
      case 'birthDate':
        return c.birthDate ?? '9999';
      case 'postcode':
        return c.postcode ?? 'ZZZZ';
    }
  };
  return [...items].sort((a, b) => collator.compare(key(a), key(b)));
}

export function sortName(c: Pick<ClientListItem, 'firstName' | 'infix' | 'lastName'>): string {
  return `${c.lastName}, ${[c.firstName, c.infix].filter(Boolean).join(' ')}`;
}
