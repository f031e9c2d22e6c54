import type {
  Allocation,
  Appointment,
  Client,
  Contact,
  DossierDocument,
  Report,
  ReportCategory,
  TimeRegistration,
} from '../../shared/domain/index.js';
import type { ExportSource } from '../../electron/export/export-source.js';

/**
 * A generated organisation that looks real (Dutch names, addresses, report texts), produced on the
 * fly from a seeded generator: the records are streamed like the store streams them, so what the
 * benchmark measures is the export, not a giant array of test data.
 */
const firstNames = ['Jan', 'Maria', 'Ĳsbrand', 'Chloë', 'Henk', 'Annelies', 'Sven', 'Fatima', 'Mohamed', 'Noor', 'Daan', 'Sophie', 'Joëlle', 'Gerrit', 'Wilhelmina', 'Thijs', 'Zoë', 'Bram'];
const infixes = [null, null, null, 'van', 'de', 'van der', 'van den', 'ter'];
const lastNames = ['Jansen', 'de Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dijkstra', 'Ĳzerman', 'Yılmaz', 'El Amrani', 'Kok', 'Brouwer', 'Vermeulen'];
const cities = ['Amsterdam', 'Utrecht', 'IJmuiden', 'Zwolle', 'Groningen', 'Leeuwarden', 'Den Bosch', 'Eindhoven', 'Alkmaar', 'Deventer'];
const streets = ['Kerkstraat', 'Dorpsstraat', 'Molenweg', 'Stationsplein', 'Julianalaan', 'Beatrixstraat', 'Ĳsselkade', 'Schoolstraat'];
const insurers = ['Zilveren Kruis', 'CZ', 'VGZ', 'Menzis', 'DSW', 'ONVZ'];
const categories: ReportCategory[] = ['Algemeen', 'ADL', 'Medicatie', 'Wondzorg', 'Gedrag', 'Gezin', 'School', 'Incident'];
const sentences = [
  'Cliënt was goed aanspreekbaar en had zin in de dag.',
  'Wond aan het linker onderbeen verzorgd; wondranden rustig, geen tekenen van infectie.',
  'Medicatie volgens lijst gegeven, één tablet paracetamol extra op verzoek.',
  'Hulp bij wassen en aankleden; cliënt deed zelf het bovenlichaam.',
  'Dochter gebeld over de afspraak met de huisarts van volgende week.',
  'Cliënt oogt vermoeid, slecht geslapen volgens eigen zeggen.',
  'Samen boodschappenlijst gemaakt; ondersteuning bij de administratie afgesproken.',
  'Gesprek over dagstructuur; cliënt wil weer naar de dagbesteding.',
  'Valincident in de badkamer gemeld, geen letsel; MIC-melding ingevuld.',
  'Bloedsuiker voor het ontbijt 7,2 mmol/l, insuline volgens schema.',
];

/** Report texts of three sentences each, made once: the bench measures the export, not string joins. */
const bodies = Array.from({ length: 997 }, (_, i) =>
  [pick(sentences, hash(i)), pick(sentences, hash(i) >>> 4), pick(sentences, hash(i) >>> 8)].join(' '),
);

const org = '0193a6f0-0000-7000-8000-0000000000aa';
export const benchUsers = Array.from({ length: 12 }, (_, i) => ({
  id: uuid(0xb000 + i),
  name: `${pick(firstNames, i * 7)} ${pick(lastNames, i * 3)}`,
}));

function uuid(n: number): string {
  return `0193a6f0-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

function pick<T>(items: readonly T[], n: number): T {
  return items[Math.abs(n) % items.length] as T;
}

/** Deterministic mixing, so every run exports exactly the same organisation. */
function hash(n: number): number {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const meta = (id: string, at: string) => ({ id, organisationId: org, fieldClocks: {}, serverSeq: 1, createdAt: at, updatedAt: at, deletedAt: null });

export interface DutchDataShape {
  clients: number;
  reportsPerClient: number;
}

export function dutchDataSource(shape: DutchDataShape): ExportSource {
  const clientOf = (index: number): Client => {
    const h = hash(index);
    const birth = new Date(Date.UTC(1930 + (h % 70), (h >>> 8) % 12, 1 + ((h >>> 12) % 28)));
    return {
      ...meta(uuid(0x1000000 + index), '2025-01-01T08:00:00.000Z'),
      dossierNumber: `D-${String(index + 1).padStart(6, '0')}`,
      firstName: pick(firstNames, h),
      infix: pick(infixes, h >>> 5),
      lastName: pick(lastNames, h >>> 9),
      birthDate: birth.toISOString().slice(0, 10),
      bsn: String(100000000 + (h % 899999999)).padStart(9, '0'),
      street: pick(streets, h >>> 3),
      houseNumber: String(1 + (h % 240)),
      houseNumberAddition: h % 5 === 0 ? 'a' : null,
      postcode: `${1000 + (h % 8999)} ${String.fromCharCode(65 + (h % 26))}${String.fromCharCode(65 + ((h >>> 4) % 26))}`,
      city: pick(cities, h >>> 7),
      phone: `06-${String(h % 100000000).padStart(8, '0')}`,
      email: null,
      gpName: `Huisartsenpraktijk ${pick(cities, h >>> 11)}`,
      insurer: pick(insurers, h >>> 2),
      status: 'in_zorg',
      careStartDate: '2025-01-01',
      careEndDate: null,
    };
  };
  const clientIndex = (clientId: string) => parseInt(clientId.slice(-12), 16) - 0x1000000;

  return {
    countClients: async () => shape.clients,
    async *clients() {
      for (let i = 0; i < shape.clients; i += 1) yield clientOf(i);
    },
    client: async (clientId) => {
      const index = clientIndex(clientId);
      return index >= 0 && index < shape.clients ? clientOf(index) : null;
    },
    async *contactsOf(clientId): AsyncIterable<Contact> {
      const h = hash(clientIndex(clientId) + 7);
      yield {
        ...meta(uuid(0x2000000 + clientIndex(clientId)), '2025-01-01T08:00:00.000Z'),
        clientId,
        relation: 'familie',
        name: `${pick(firstNames, h)} ${pick(lastNames, h >>> 4)}`,
        organisationName: null,
        phone: '020-1234567',
        email: null,
        note: 'Eerste contactpersoon',
      };
    },
    async *reportsOf(clientId): AsyncIterable<Report> {
      const index = clientIndex(clientId);
      const start = Date.UTC(2025, 0, 1, 7);
      for (let r = 0; r < shape.reportsPerClient; r += 1) {
        const h = hash(index * 1000 + r);
        const at = new Date(start + r * 8 * 3600_000 + (h % 3600) * 1000).toISOString();
        const body = bodies[h % bodies.length] as string;
        const author = pick(benchUsers, h >>> 3).id;
        yield {
          ...meta(uuid(0x100000000 + index * 1000 + r), at),
          clientId,
          kind: r % 3 === 0 ? 'dagrapportage' : 'rapportage',
          occurredAt: at,
          authorId: author,
          category: pick(categories, h >>> 6),
          body,
          visibility: 'dossier',
          addendumOf: null,
          signedOffBy: r % 4 === 0 ? author : null,
          signedOffAt: r % 4 === 0 ? at : null,
          lockedBy: r % 10 === 0 ? author : null,
          lockedAt: r % 10 === 0 ? at : null,
        };
      }
    },
    async *appointmentsOf(clientId): AsyncIterable<Appointment> {
      const index = clientIndex(clientId);
      for (let a = 0; a < 2; a += 1) {
        const startsAt = new Date(Date.UTC(2025, 5, 1 + a * 7, 8)).toISOString();
        yield {
          ...meta(uuid(0x3000000 + index * 2 + a), startsAt),
          title: 'Huisbezoek',
          startsAt,
          endsAt: new Date(Date.parse(startsAt) + 45 * 60_000).toISOString(),
          location: null,
          notes: null,
          practitionerIds: [pick(benchUsers, index).id],
          clientIds: [clientId],
          lockedAt: null,
        };
      }
    },
    async *allocationsOf(clientId): AsyncIterable<Allocation> {
      yield {
        ...meta(uuid(0x4000000 + clientIndex(clientId)), '2025-01-01T08:00:00.000Z'),
        clientId,
        law: 'Wmo',
        productCode: '02A01',
        productName: 'Begeleiding individueel',
        unit: 'uur',
        volume: 4,
        startDate: '2025-01-01',
        endDate: null,
      };
    },
    async *timeRegistrationsOf(clientId): AsyncIterable<TimeRegistration> {
      const index = clientIndex(clientId);
      for (let t = 0; t < 2; t += 1) {
        yield {
          ...meta(uuid(0x5000000 + index * 2 + t), '2025-06-01T10:00:00.000Z'),
          clientId,
          userId: pick(benchUsers, index).id,
          allocationId: uuid(0x4000000 + index),
          date: `2025-06-0${1 + t}`,
          amount: 45,
          unit: 'minuut',
          appointmentId: null,
          note: null,
          declaredAt: null,
        };
      }
    },
    async *documentsOf(clientId): AsyncIterable<DossierDocument> {
      yield {
        ...meta(uuid(0x6000000 + clientIndex(clientId)), '2025-02-01T10:00:00.000Z'),
        clientId,
        fileName: 'Zorgplan.pdf',
        mimeType: 'application/pdf',
        description: 'Zorgplan',
        sizeBytes: 120_000,
        contentHash: 'b'.repeat(64),
        uploadedBy: benchUsers[0]?.id ?? '',
      };
    },
    userNames: async () => new Map(benchUsers.map((user) => [user.id, user.name])),
  };
}
