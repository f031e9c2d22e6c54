/**
 * The domain's validation messages, each under a code, in Dutch — the language the core, the
 * central service and their logs speak. A schema produces the Dutch text (domainMessage); a screen
 * in another language recognises that text by its template (parseDomainMessage) and shows its own
 * translation of the same code (renderer/src/forms/domain-messages.ts). So shared/ stays free of
 * i18n and React, the IPC error format is unchanged, and a message without a code here simply
 * stays Dutch. Placeholders use i18next's {{name}} syntax, so the renderer reuses them as they are.
 */
export const domainMessages = {
  required: '{{label}} is verplicht',
  tooLong: '{{label}} mag hoogstens {{max}} tekens zijn',
  invalidId: 'Dit is geen geldige id',
  date: 'Vul een datum in als JJJJ-MM-DD',
  dateTime: 'Vul een tijdstip in (ISO 8601, met tijdzone)',
  email: 'Dit is geen geldig e-mailadres',
  emailTooLong: 'Een e-mailadres is te lang',
  phone: 'Dit is geen geldig telefoonnummer',
  bsnDigitsOnly: 'Een BSN bestaat alleen uit cijfers',
  bsnLength: 'Een BSN heeft 9 cijfers, dit zijn er {{count}}',
  bsnZeros: 'Een BSN kan niet alleen uit nullen bestaan',
  bsnElevenTest: 'Dit BSN klopt niet: de elfproef faalt (controleer op een tikfout)',
  postcode: 'Een postcode bestaat uit 4 cijfers en 2 letters, bijvoorbeeld 1234 AB',
  houseNumber: 'Een huisnummer bestaat uit cijfers; een toevoeging gaat in het veld toevoeging',
  clientStatus: 'Kies een status: aanmelding, in zorg of uit zorg',
  careEndBeforeStart: 'De einddatum van de zorg ligt vóór de startdatum',
  contactRelation: 'Kies de relatie tot de cliënt',
} as const;
export type DomainMessageCode = keyof typeof domainMessages;

/** The field names messages speak of ("De voornaam is verplicht"); a label outside this list does not type-check. */
export const fieldLabels = [
  'De voornaam',
  'Het tussenvoegsel',
  'De achternaam',
  'De straat',
  'De toevoeging',
  'De woonplaats',
  'De huisarts',
  'De zorgverzekeraar',
  'De naam',
  'De organisatie',
  'De naam van de organisatie',
  'De notitie',
  'De omschrijving',
  'De locatie',
  'De productcode',
  'De productnaam',
  'De bestandsnaam',
] as const;
export type FieldLabel = (typeof fieldLabels)[number];

export type DomainMessageParams = Record<string, string | number>;

/** The Dutch text of a message, with its placeholders filled in. */
export function domainMessage(code: DomainMessageCode, params: DomainMessageParams = {}): string {
  return domainMessages[code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

const placeholder = /\{\{(\w+)\}\}/g;
const patterns = (Object.entries(domainMessages) as Array<[DomainMessageCode, string]>).map(([code, template]) => {
  const names: string[] = [];
  const source = template
    .split(placeholder)
    .map((part, i) => {
      if (i % 2 === 1) {
        names.push(part);
        return '(.+?)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { code, names, pattern: new RegExp(`^${source}$`) };
});

/** The code and placeholder values behind a Dutch message made by domainMessage, or null for any other text. */
export function parseDomainMessage(message: string): { code: DomainMessageCode; params: Record<string, string> } | null {
  for (const { code, names, pattern } of patterns) {
    const match = pattern.exec(message);
    if (match) return { code, params: Object.fromEntries(names.map((name, i) => [name, match[i + 1]!])) };
  }
  return null;
}
