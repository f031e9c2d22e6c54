import {
  clientDisplayName,
  type Allocation,
  type Appointment,
  type Client,
  type Contact,
  type DossierDocument,
  type Report,
  type TimeRegistration,
} from '../../../shared/domain/index.js';
import { amsterdamWallClock, calendarDateCell, clientStatusLabels, contactRelationLabels, unitNames } from '../dutch-format.js';

/** One row's values in the column order of sheet-columns.ts. null leaves a cell empty. */
export type CellValue = string | number | Date | null;

type Names = ReadonlyMap<string, string>;

// Empty is null, not '': an empty string would still be a cell in the file.
const nameOf = (names: Names, id: string | null) => (id ? (names.get(id) ?? null) : null);
const text = (value: string | null) => (value === null || value === '' ? null : value);

export function clientRow(c: Client): CellValue[] {
  return [
    c.dossierNumber,
    c.lastName,
    text(c.infix),
    c.firstName,
    calendarDateCell(c.birthDate),
    text(c.bsn),
    text(c.street),
    text(c.houseNumber),
    text(c.houseNumberAddition),
    text(c.postcode),
    text(c.city),
    text(c.phone),
    text(c.email),
    text(c.gpName),
    text(c.insurer),
    clientStatusLabels[c.status],
    calendarDateCell(c.careStartDate),
    calendarDateCell(c.careEndDate),
  ];
}

export function contactRow(client: Client, c: Contact): CellValue[] {
  return [
    client.dossierNumber,
    clientDisplayName(client),
    contactRelationLabels[c.relation],
    c.name,
    text(c.organisationName),
    text(c.phone),
    text(c.email),
    text(c.note),
  ];
}

/** `addendumOfAt`: when the corrected report happened, if this is an addendum (looked up by the caller). */
export function reportRow(client: Client, r: Report, names: Names, addendumOfAt: string | null): CellValue[] {
  return [
    client.dossierNumber,
    clientDisplayName(client),
    amsterdamWallClock(r.occurredAt),
    r.addendumOf ? 'Addendum' : r.kind === 'dagrapportage' ? 'Dagrapportage' : 'Rapportage',
    r.category,
    nameOf(names, r.authorId),
    r.body,
    nameOf(names, r.signedOffBy),
    amsterdamWallClock(r.signedOffAt),
    amsterdamWallClock(r.lockedAt),
    amsterdamWallClock(addendumOfAt),
  ];
}

export function appointmentRow(client: Client, a: Appointment, names: Names): CellValue[] {
  return [
    client.dossierNumber,
    clientDisplayName(client),
    amsterdamWallClock(a.startsAt),
    amsterdamWallClock(a.endsAt),
    Math.round((Date.parse(a.endsAt) - Date.parse(a.startsAt)) / 60_000),
    a.title,
    text(a.location),
    text(a.practitionerIds.map((id) => nameOf(names, id) ?? 'onbekend').join(', ')),
    text(a.notes),
    amsterdamWallClock(a.lockedAt),
  ];
}

/** Euro amounts are stored in cents; the sheet shows euros, so sums in Excel come out right. */
export function timeRegistrationRow(client: Client, t: TimeRegistration, allocation: Allocation | undefined, names: Names): CellValue[] {
  return [
    client.dossierNumber,
    clientDisplayName(client),
    calendarDateCell(t.date),
    allocation?.law ?? null,
    allocation?.productCode ?? null,
    allocation?.productName ?? null,
    t.unit === 'euro' ? t.amount / 100 : t.amount,
    unitNames[t.unit],
    nameOf(names, t.userId),
    text(t.note),
    amsterdamWallClock(t.declaredAt),
  ];
}

export function documentRow(client: Client, d: DossierDocument, names: Names): CellValue[] {
  return [
    client.dossierNumber,
    clientDisplayName(client),
    d.fileName,
    text(d.description),
    d.mimeType,
    d.sizeBytes,
    nameOf(names, d.uploadedBy),
    amsterdamWallClock(d.createdAt),
  ];
}
