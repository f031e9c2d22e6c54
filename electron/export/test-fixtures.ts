import type {
  Allocation,
  Appointment,
  Client,
  Contact,
  DossierDocument,
  Report,
  TimeRegistration,
} from '../../shared/domain/index.js';
import type { LicenceDecision } from '../licence/evaluate-licence.js';
import { evaluateLicence } from '../licence/evaluate-licence.js';
import { refusal } from '../licence/licence-service.js';
import { leaseOf } from '../licence/test-support.js';
import type { ExportAuditEntry, ExportRights, ExportSource } from './export-source.js';
import type { ExportServices } from './export-run.js';

/** For tests only: a small organisation in memory, with the Dutch characters an export must keep. */
const org = '0193a6f0-0000-7000-8000-00000000000a';
export const users = { anna: '0193a6f0-0000-7000-8000-0000000000b1', bram: '0193a6f0-0000-7000-8000-0000000000b2' };
export const clientIds = {
  ijsbrand: '0193a6f0-0000-7000-8000-0000000000c1',
  chloe: '0193a6f0-0000-7000-8000-0000000000c2',
  secret: '0193a6f0-0000-7000-8000-0000000000c3',
};

const meta = (id: string) => ({
  id,
  organisationId: org,
  fieldClocks: {},
  serverSeq: null,
  createdAt: '2026-03-01T08:00:00.000Z',
  updatedAt: '2026-03-01T08:00:00.000Z',
  deletedAt: null,
});

function client(id: string, number: string, firstName: string, infix: string | null, lastName: string): Client {
  return {
    ...meta(id),
    dossierNumber: number,
    firstName,
    infix,
    lastName,
    birthDate: '1938-06-15',
    bsn: '012345672',
    street: 'Kerkstraat',
    houseNumber: '12',
    houseNumberAddition: 'a',
    postcode: '1234 AB',
    city: 'IJmuiden',
    phone: '06-12345678',
    email: null,
    gpName: 'Huisartsenpraktijk De Ĳssel',
    insurer: 'Zilveren Kruis',
    status: 'in_zorg',
    careStartDate: '2026-01-05',
    careEndDate: null,
  };
}

export const clients: Client[] = [
  client(clientIds.ijsbrand, 'D-000001', 'Ĳsbrand', 'van der', 'Meulen'),
  client(clientIds.chloe, 'D-000002', 'Chloë', null, 'Jansen'),
  client(clientIds.secret, 'D-000003', 'Geheim', null, 'Niet-Zichtbaar'),
];

export const reportTexts = {
  first: 'De cliënt was één uur wakker; wond aan het Ĳsselmeer-been schoon. Geen koorts.',
  restricted: 'Gesprek met dochter over huiselijke situatie — alleen voor de auteur.',
  addendum: 'Aanvulling: medicatie om 10:00 gegeven, ná het ontbijt.',
};

function report(id: string, clientId: string, occurredAt: string, body: string, extra: Partial<Report> = {}): Report {
  return {
    ...meta(id),
    clientId,
    kind: 'rapportage',
    occurredAt,
    authorId: users.anna,
    category: 'Wondzorg',
    body,
    visibility: 'dossier',
    addendumOf: null,
    signedOffBy: null,
    signedOffAt: null,
    lockedBy: null,
    lockedAt: null,
    ...extra,
  };
}

const reports: Report[] = [
  report('0193a6f0-0000-7000-8000-0000000000d1', clientIds.ijsbrand, '2026-03-02T09:15:00.000Z', reportTexts.first, {
    signedOffBy: users.bram,
    signedOffAt: '2026-03-02T12:00:00.000Z',
    lockedBy: users.bram,
    lockedAt: '2026-03-03T08:00:00.000Z',
  }),
  report('0193a6f0-0000-7000-8000-0000000000d2', clientIds.ijsbrand, '2026-03-03T10:00:00.000Z', reportTexts.restricted, {
    visibility: 'restricted',
    authorId: users.bram,
    category: 'Gezin',
  }),
  report('0193a6f0-0000-7000-8000-0000000000d3', clientIds.ijsbrand, '2026-07-01T13:30:00.000Z', reportTexts.addendum, {
    addendumOf: '0193a6f0-0000-7000-8000-0000000000d1',
    category: 'Medicatie',
  }),
  report('0193a6f0-0000-7000-8000-0000000000d4', clientIds.secret, '2026-03-04T10:00:00.000Z', 'Tekst van een dossier dat niet gezien mag worden.'),
];

const contacts: Contact[] = [
  {
    ...meta('0193a6f0-0000-7000-8000-0000000000e1'),
    clientId: clientIds.ijsbrand,
    relation: 'wettelijk_vertegenwoordiger',
    name: 'Anneke de Vries-Ĳzerman',
    organisationName: null,
    phone: '020-1234567',
    email: 'anneke@example.nl',
    note: 'Bellen na 17:00',
  },
];

const appointments: Appointment[] = [
  {
    ...meta('0193a6f0-0000-7000-8000-0000000000f1'),
    title: 'Huisbezoek wondzorg',
    startsAt: '2026-03-05T08:30:00.000Z',
    endsAt: '2026-03-05T09:15:00.000Z',
    location: 'Kerkstraat 12a, IJmuiden',
    notes: null,
    practitionerIds: [users.anna],
    clientIds: [clientIds.ijsbrand],
    lockedAt: null,
  },
];

const allocations: Allocation[] = [
  {
    ...meta('0193a6f0-0000-7000-8000-000000000101'),
    clientId: clientIds.ijsbrand,
    law: 'Wmo',
    productCode: '02A01',
    productName: 'Begeleiding individueel',
    unit: 'uur',
    volume: 4,
    startDate: '2026-01-05',
    endDate: null,
  },
];

const timeRegistrations: TimeRegistration[] = [
  {
    ...meta('0193a6f0-0000-7000-8000-000000000111'),
    clientId: clientIds.ijsbrand,
    userId: users.anna,
    allocationId: allocations[0]?.id ?? null,
    date: '2026-03-05',
    amount: 45,
    unit: 'minuut',
    appointmentId: appointments[0]?.id ?? null,
    note: null,
    declaredAt: null,
  },
  {
    ...meta('0193a6f0-0000-7000-8000-000000000112'),
    clientId: clientIds.ijsbrand,
    userId: users.anna,
    allocationId: null,
    date: '2026-03-06',
    amount: 1250,
    unit: 'euro',
    appointmentId: null,
    note: 'Reiskosten',
    declaredAt: '2026-04-01T10:00:00.000Z',
  },
];

const documents: DossierDocument[] = [
  {
    ...meta('0193a6f0-0000-7000-8000-000000000121'),
    clientId: clientIds.ijsbrand,
    fileName: 'Zorgplan één.pdf',
    mimeType: 'application/pdf',
    description: 'Zorgplan 2026',
    sizeBytes: 183_402,
    contentHash: 'a'.repeat(64),
    uploadedBy: users.anna,
  },
];

async function* each<T>(items: readonly T[]): AsyncIterable<T> {
  for (const item of items) yield item;
}

export const fixtureSource: ExportSource = {
  countClients: async () => clients.length,
  clients: () => each(clients),
  client: async (id) => clients.find((c) => c.id === id) ?? null,
  contactsOf: (id) => each(contacts.filter((c) => c.clientId === id)),
  reportsOf: (id) => each(reports.filter((r) => r.clientId === id)),
  appointmentsOf: (id) => each(appointments.filter((a) => a.clientIds.includes(id))),
  allocationsOf: (id) => each(allocations.filter((a) => a.clientId === id)),
  timeRegistrationsOf: (id) => each(timeRegistrations.filter((t) => t.clientId === id)),
  documentsOf: (id) => each(documents.filter((d) => d.clientId === id)),
  userNames: async () =>
    new Map([
      [users.anna, 'Anna Bakker'],
      [users.bram, 'Bram de Jong'],
    ]),
};

/** Anna may read the first two dossiers, and restricted reports only when she wrote them. */
export const annaRights: ExportRights = {
  mayReadDossier: (clientId) => clientId !== clientIds.secret,
  mayReadReport: (report) => report.visibility === 'dossier' || report.authorId === users.anna,
};

export function licenceAllowing(decision: LicenceDecision = evaluateLicence(leaseOf(), new Date('2026-11-30T12:00:00Z'), null)) {
  return {
    assertCanExport: async () => {
      if (!decision.canExport) throw refusal(decision, 'export');
      return decision;
    },
  };
}

export function testServices(overrides: Partial<ExportServices> = {}) {
  const audit: ExportAuditEntry[] = [];
  const auditCalls: number[] = [];
  const services: ExportServices = {
    source: fixtureSource,
    licence: licenceAllowing(),
    rights: annaRights,
    audit: (entries) => {
      auditCalls.push(entries.length);
      audit.push(...entries);
    },
    actor: { userId: users.anna, userName: 'Anna Bakker', organisationName: 'Thuiszorg Één & Co' },
    now: () => new Date('2026-11-24T09:30:00.000Z'),
    ...overrides,
  };
  return { services, audit, auditCalls };
}
