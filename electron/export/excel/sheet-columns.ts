/**
 * The columns of each sheet: header, width in characters, and number format for typed cells.
 * Dates are real date cells (Amsterdam wall clock), numbers are numbers; BSN, postcode and phone
 * numbers stay text, so leading zeros survive and Excel does not turn them into numbers.
 */
export interface SheetColumn {
  header: string;
  width: number;
  numFmt?: string;
}

const DATE = 'dd-mm-yyyy';
const DATE_TIME = 'dd-mm-yyyy hh:mm';

export const sheetNames = ['Cliënten', 'Contacten', 'Rapportages', 'Agenda', 'Tijdregistratie', 'Documenten'] as const;
export type SheetName = (typeof sheetNames)[number];

const dossier: SheetColumn[] = [
  { header: 'Dossiernummer', width: 14 },
  { header: 'Cliënt', width: 28 },
];

export const sheetColumns: Record<SheetName, SheetColumn[]> = {
  Cliënten: [
    { header: 'Dossiernummer', width: 14 },
    { header: 'Achternaam', width: 20 },
    { header: 'Tussenvoegsel', width: 10 },
    { header: 'Voornaam', width: 16 },
    { header: 'Geboortedatum', width: 13, numFmt: DATE },
    { header: 'BSN', width: 11 },
    { header: 'Straat', width: 24 },
    { header: 'Huisnummer', width: 10 },
    { header: 'Toevoeging', width: 9 },
    { header: 'Postcode', width: 9 },
    { header: 'Woonplaats', width: 18 },
    { header: 'Telefoon', width: 15 },
    { header: 'E-mail', width: 28 },
    { header: 'Huisarts', width: 22 },
    { header: 'Zorgverzekeraar', width: 18 },
    { header: 'Status', width: 11 },
    { header: 'Start zorg', width: 12, numFmt: DATE },
    { header: 'Einde zorg', width: 12, numFmt: DATE },
  ],
  Contacten: [
    ...dossier,
    { header: 'Relatie', width: 24 },
    { header: 'Naam', width: 24 },
    { header: 'Organisatie', width: 24 },
    { header: 'Telefoon', width: 15 },
    { header: 'E-mail', width: 28 },
    { header: 'Notitie', width: 40 },
  ],
  Rapportages: [
    ...dossier,
    { header: 'Datum en tijd', width: 17, numFmt: DATE_TIME },
    { header: 'Soort', width: 14 },
    { header: 'Categorie', width: 12 },
    { header: 'Auteur', width: 20 },
    { header: 'Tekst', width: 80 },
    { header: 'Afgetekend door', width: 20 },
    { header: 'Afgetekend op', width: 17, numFmt: DATE_TIME },
    { header: 'Vastgezet op', width: 17, numFmt: DATE_TIME },
    { header: 'Addendum bij (datum)', width: 17, numFmt: DATE_TIME },
  ],
  Agenda: [
    ...dossier,
    { header: 'Begin', width: 17, numFmt: DATE_TIME },
    { header: 'Einde', width: 17, numFmt: DATE_TIME },
    { header: 'Duur (minuten)', width: 10, numFmt: '0' },
    { header: 'Omschrijving', width: 28 },
    { header: 'Locatie', width: 24 },
    { header: 'Zorgverleners', width: 28 },
    { header: 'Notitie', width: 40 },
    { header: 'Vastgezet op', width: 17, numFmt: DATE_TIME },
  ],
  Tijdregistratie: [
    ...dossier,
    { header: 'Datum', width: 12, numFmt: DATE },
    { header: 'Wet', width: 9 },
    { header: 'Productcode', width: 11 },
    { header: 'Product', width: 28 },
    // General format: 45 minutes show as 45, €12,50 as 12,5; a fixed pattern would add "45,00".
    { header: 'Aantal', width: 10 },
    { header: 'Eenheid', width: 9 },
    { header: 'Zorgverlener', width: 20 },
    { header: 'Notitie', width: 40 },
    { header: 'Gedeclareerd op', width: 17, numFmt: DATE_TIME },
  ],
  Documenten: [
    ...dossier,
    { header: 'Bestandsnaam', width: 32 },
    { header: 'Omschrijving', width: 32 },
    { header: 'Type', width: 20 },
    { header: 'Grootte (bytes)', width: 14, numFmt: '#,##0' },
    { header: 'Toegevoegd door', width: 20 },
    { header: 'Toegevoegd op', width: 17, numFmt: DATE_TIME },
  ],
};
