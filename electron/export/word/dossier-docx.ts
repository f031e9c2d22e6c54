import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun, type Table } from 'docx';
import { clientDisplayName, type Report } from '../../../shared/domain/index.js';
import type { DossierContent } from '../dossier-content.js';
import {
  clientStatusLabels,
  contactRelationLabels,
  formatAmount,
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatInteger,
} from '../dutch-format.js';
import type { ExportActor } from '../export-source.js';
import { dataTable, emptyNote, heading, labelTable, paragraph, textBlock } from './docx-parts.js';

export interface DossierDocxContext {
  actor: ExportActor;
  exportedAt: Date;
  userNames: ReadonlyMap<string, string>;
}

/** One dossier as a readable, printable Word document with Dutch headings (SPEC.md §2). */
export async function buildDossierDocx(content: DossierContent, context: DossierDocxContext): Promise<Buffer> {
  const name = clientDisplayName(content.client);
  const document = new Document({
    creator: context.actor.userName,
    title: `Cliëntdossier ${name}`,
    description: `Export van dossier ${content.client.dossierNumber}`,
    sections: [
      { children: titlePage(content, context) },
      {
        footers: { default: footer(name, content.client.dossierNumber) },
        children: [
          ...personalia(content),
          ...contacts(content),
          ...reports(content, context.userNames),
          ...appointments(content, context.userNames),
          ...timeRegistrations(content),
          ...documentsIndex(content, context.userNames),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function titlePage(content: DossierContent, context: DossierDocxContext): Paragraph[] {
  return [
    new Paragraph({ spacing: { before: 2400 } }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'Cliëntdossier', bold: true, size: 56 })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 960 },
      children: [new TextRun({ text: clientDisplayName(content.client), size: 40 })],
    }),
    labelParagraph('Dossiernummer', content.client.dossierNumber),
    labelParagraph('Organisatie', context.actor.organisationName),
    labelParagraph('Datum export', formatDateTime(context.exportedAt)),
    labelParagraph('Geëxporteerd door', context.actor.userName),
    new Paragraph({ spacing: { before: 960 } }),
    paragraph('Vertrouwelijk: dit document bevat medische persoonsgegevens. Bewaar en deel het alleen als de wet dat toestaat.', {
      italics: true,
    }),
  ];
}

function labelParagraph(label: string, value: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 120 },
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)],
  });
}

function footer(name: string, dossierNumber: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: `Vertrouwelijk — ${name} (${dossierNumber}) — pagina `, size: 16 }), new TextRun({ children: [PageNumber.CURRENT], size: 16 })],
      }),
    ],
  });
}

function personalia({ client }: DossierContent): (Paragraph | Table)[] {
  const address = [client.street, [client.houseNumber, client.houseNumberAddition].filter(Boolean).join('')].filter(Boolean).join(' ');
  const place = [client.postcode, client.city].filter(Boolean).join(' ');
  return [
    heading('Personalia'),
    labelTable([
      ['Naam', clientDisplayName(client)],
      ['Geboortedatum', formatCalendarDate(client.birthDate)],
      ['BSN', client.bsn ?? ''],
      ['Adres', address],
      ['Postcode en woonplaats', place],
      ['Telefoon', client.phone ?? ''],
      ['E-mail', client.email ?? ''],
      ['Huisarts', client.gpName ?? ''],
      ['Zorgverzekeraar', client.insurer ?? ''],
      ['Dossiernummer', client.dossierNumber],
      ['Status', clientStatusLabels[client.status]],
      ['Start zorg', formatCalendarDate(client.careStartDate)],
      ['Einde zorg', formatCalendarDate(client.careEndDate)],
    ]),
  ];
}

function contacts({ contacts }: DossierContent): (Paragraph | Table)[] {
  if (contacts.length === 0) return [heading('Contactpersonen'), emptyNote('Geen contactpersonen vastgelegd.')];
  return [
    heading('Contactpersonen'),
    dataTable(
      ['Naam', 'Relatie', 'Organisatie', 'Telefoon', 'E-mail', 'Notitie'],
      contacts.map((c) => [c.name, contactRelationLabels[c.relation], c.organisationName ?? '', c.phone ?? '', c.email ?? '', c.note ?? '']),
    ),
  ];
}

function reports({ reports }: DossierContent, userNames: ReadonlyMap<string, string>): Paragraph[] {
  if (reports.length === 0) return [heading('Rapportages'), emptyNote('Geen rapportages.')];
  const byId = new Map(reports.map((report) => [report.id, report]));
  return [heading('Rapportages'), ...reports.flatMap((report) => reportBlock(report, byId, userNames))];
}

function reportBlock(report: Report, byId: ReadonlyMap<string, Report>, userNames: ReadonlyMap<string, string>): Paragraph[] {
  const kind = report.addendumOf ? 'Addendum' : report.kind === 'dagrapportage' ? 'Dagrapportage' : 'Rapportage';
  const marks: string[] = [];
  if (report.addendumOf) {
    const original = byId.get(report.addendumOf);
    marks.push(original ? `Addendum bij de rapportage van ${formatDateTime(original.occurredAt)}` : 'Addendum bij een eerdere rapportage');
  }
  if (report.signedOffAt) marks.push(`Afgetekend door ${nameOf(userNames, report.signedOffBy)} op ${formatDateTime(report.signedOffAt)}`);
  if (report.lockedAt) marks.push(`Vastgezet door ${nameOf(userNames, report.lockedBy)} op ${formatDateTime(report.lockedAt)}`);
  if (report.visibility === 'restricted') marks.push('Beperkt zichtbaar');
  return [
    heading(`${formatDateTime(report.occurredAt)} — ${kind} — ${report.category}`, 3),
    paragraph(`Auteur: ${nameOf(userNames, report.authorId)}`, { italics: true }),
    ...marks.map((mark) => paragraph(`✓ ${mark}`, { bold: true })),
    ...textBlock(report.body),
  ];
}

function appointments({ appointments }: DossierContent, userNames: ReadonlyMap<string, string>): (Paragraph | Table)[] {
  if (appointments.length === 0) return [heading('Agenda'), emptyNote('Geen afspraken.')];
  return [
    heading('Agenda'),
    dataTable(
      ['Begin', 'Einde', 'Omschrijving', 'Locatie', 'Zorgverleners', 'Notitie', 'Vastgezet'],
      appointments.map((a) => [
        formatDateTime(a.startsAt),
        formatDateTime(a.endsAt),
        a.title,
        a.location ?? '',
        a.practitionerIds.map((id) => nameOf(userNames, id)).join(', '),
        a.notes ?? '',
        a.lockedAt ? formatDateTime(a.lockedAt) : '',
      ]),
    ),
  ];
}

function timeRegistrations({ timeRegistrations, allocations }: DossierContent): (Paragraph | Table)[] {
  if (timeRegistrations.length === 0) return [heading('Tijdregistratie'), emptyNote('Geen tijdregistraties.')];
  const products = new Map(allocations.map((a) => [a.id, `${a.law} ${a.productCode} ${a.productName}`]));
  return [
    heading('Tijdregistratie'),
    dataTable(
      ['Datum', 'Product', 'Hoeveelheid', 'Notitie', 'Gedeclareerd'],
      timeRegistrations.map((t) => [
        formatCalendarDate(t.date),
        (t.allocationId && products.get(t.allocationId)) || '',
        formatAmount(t.amount, t.unit),
        t.note ?? '',
        t.declaredAt ? formatDateTime(t.declaredAt) : '',
      ]),
    ),
  ];
}

function documentsIndex({ documents }: DossierContent, userNames: ReadonlyMap<string, string>): (Paragraph | Table)[] {
  if (documents.length === 0) return [heading('Documenten'), emptyNote('Geen documenten.')];
  return [
    heading('Documenten'),
    paragraph('Overzicht van de documenten in het dossier; de bestanden zelf staan niet in deze export.', { italics: true }),
    dataTable(
      ['Bestandsnaam', 'Omschrijving', 'Type', 'Grootte', 'Toegevoegd door', 'Toegevoegd op'],
      documents.map((d) => [
        d.fileName,
        d.description ?? '',
        d.mimeType,
        `${formatInteger(Math.ceil(d.sizeBytes / 1024))} kB`,
        nameOf(userNames, d.uploadedBy),
        formatDate(d.createdAt),
      ]),
    ),
  ];
}

function nameOf(userNames: ReadonlyMap<string, string>, userId: string | null): string {
  if (!userId) return 'onbekend';
  return userNames.get(userId) ?? 'onbekende gebruiker';
}
