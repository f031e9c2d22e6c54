import type { ClientCreate } from '../../shared/domain/client.js';

/** Realistic Dutch clients (SPEC §7). BSNs pass the 11-test. */
export const demoClients: ClientCreate[] = [
  { firstName: 'Johanna', infix: 'van der', lastName: 'Berg', birthDate: '1941-03-12', bsn: '111222333', street: 'Oudegracht', houseNumber: '112', postcode: '3511 AB', city: 'Utrecht', phone: '030-2345678', gpName: 'Huisartsenpraktijk Domplein', insurer: 'Zilveren Kruis', status: 'in_zorg', careStartDate: '2024-02-01' },
  { firstName: 'Henk', lastName: 'Bakker', birthDate: '1938-11-02', street: 'Biltstraat', houseNumber: '40', postcode: '3572 BG', city: 'Utrecht', status: 'in_zorg', careStartDate: '2023-09-15' },
  { firstName: 'Fatima', lastName: 'Yilmaz', birthDate: '1952-06-21', street: 'Kanaalweg', houseNumber: '7', houseNumberAddition: 'A', postcode: '3526 KL', city: 'Utrecht', status: 'aanmelding' },
  { firstName: 'Daan', infix: 'de', lastName: 'Vries', birthDate: '2011-01-30', postcode: '3581 CX', city: 'Utrecht', status: 'in_zorg', careStartDate: '2025-05-01' },
  { firstName: 'Gerrit', lastName: 'Smit', birthDate: '1935-08-08', postcode: '3723 AA', city: 'Bilthoven', status: 'uit_zorg', careStartDate: '2021-01-04', careEndDate: '2025-12-31' },
];
