/**
 * Deterministic, realistic-looking Dutch home-care data for the store benchmark: the same seed
 * gives the same clients and reports, so the encrypted and the plain run see identical data.
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const firstNames = ['Johanna', 'Cornelis', 'Maria', 'Hendrik', 'Anna', 'Jan', 'Wilhelmina', 'Pieter', 'Geertruida', 'Willem', 'Fatima', 'Mohammed', 'Sanne', 'Daan', 'Emma', 'Lucas', 'Yara', 'Noah', 'Aaltje', 'Gerrit', 'Hatice', 'Mustafa', 'Priya', 'Rajesh', 'Lotte', 'Sem', 'Julia', 'Bram', 'Fenna', 'Jelle'];
export const infixes = [null, null, null, 'van', 'de', 'van der', 'van den', 'den', 'ter'];
export const lastNames = ['Jansen', 'de Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker', 'Brouwer', 'Dijkstra', 'Özdemir', 'Yılmaz', 'El Amrani', 'Bouzid', 'Kramer', 'Postma', 'Hoekstra', 'Willems', 'Koster', 'Prins', 'Huisman', 'Kuipers', 'Veenstra', 'Wijnands', 'Schouten', 'Vermeulen', 'Berg', 'Groen', 'Sneijder', 'Kok', 'Boer'];
export const cities = ['Utrecht', 'Amersfoort', 'Zeist', 'Nieuwegein', 'Houten', 'IJsselstein', 'Bunnik', 'De Bilt', 'Maarssen', 'Woerden'];
export const categories = ['Algemeen', 'ADL', 'Medicatie', 'Wondzorg', 'Gedrag', 'Gezin', 'School', 'Incident'] as const;

const fragments = [
  'Cliënt was vandaag goed gehumeurd en heeft zelfstandig ontbeten.',
  'Geholpen met douchen en aankleden; huid van de benen ingesmeerd.',
  'Insuline toegediend volgens schema, bloedsuiker voor de maaltijd gemeten.',
  'Verband van het onderbeen gewisseld, wond ziet er rustig uit, geen roodheid.',
  'Decubitus op het stuitje gecontroleerd, wisselligging besproken met dochter.',
  'Mevrouw was onrustig in de avond en vroeg meerdere keren naar haar man.',
  'Medicatierol gecontroleerd, avondmedicatie was niet ingenomen.',
  'Overleg gehad met de huisarts over de toenemende benauwdheid.',
  'Steunkousen aangetrokken, enkels licht gezwollen.',
  'Samen boodschappenlijst gemaakt; zoon doet morgen de boodschappen.',
  'Valincident in de badkamer gemeld, geen zichtbaar letsel, MIC-melding gedaan.',
  'Gesprek met moeder over de planning van de week en de schoolresultaten.',
  'Jongere kwam te laat uit school en wilde niet over zijn dag praten.',
  'Begeleiding bij het ordenen van post en het betalen van rekeningen.',
  'Katheter gespoeld, urine helder, geen klachten.',
  'Oogdruppels toegediend, cliënt geeft aan beter te zien.',
  'Ergotherapeut adviseert een douchestoel en een verhoogd toilet.',
  'Mantelzorger geeft aan overbelast te raken; respijtzorg besproken.',
  'Pijnscore 6, paracetamol gegeven volgens afspraak, na een uur pijnscore 3.',
  'Eetlust matig, gewicht gedaald met twee kilo in een maand; diëtist ingeschakeld.',
  'Trombosedienst heeft nieuwe doseerlijst gestuurd, acenocoumarol aangepast.',
  'Cliënt heeft de fysiotherapie-oefeningen zelfstandig gedaan.',
  'Conflict tussen broer en zus over de verdeling van de zorgtaken.',
  'Wondvocht op het verband, wond gespoeld en opnieuw afgedekt met schuimverband.',
  'Nachtelijke onrust, meneer liep om drie uur door de gang.',
  'Afspraak gemaakt met de wijkverpleegkundige voor een indicatiegesprek.',
  'Dagbesteding bevalt goed, cliënt vertelt enthousiast over het tuinieren.',
  'Stomazakje vervangen, huid rondom de stoma is rood en geïrriteerd.',
  'Ademhalingsoefeningen gedaan, saturatie 94 procent.',
  'Schoolmentor gebeld over verzuim, afgesproken om wekelijks contact te houden.',
];

export function reportBody(random: () => number): string {
  const count = 2 + Math.floor(random() * 4);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(fragments[Math.floor(random() * fragments.length)]!);
  return parts.join(' ');
}

/** Search terms from rare to common, as nurses type them. */
export const reportQueries = ['decubitus', 'acenocoumarol', 'stoma', 'saturatie', 'insuline', 'valincident', 'verband wond', 'douchen', 'huisarts', 'onrustig avond', 'respijtzorg', 'schoolmentor', 'diëtist', 'katheter', 'oogdruppels', 'pijnscore', 'mantelzorger overbelast', 'trombosedienst', 'dagbesteding', 'benauwdheid'];

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A valid BSN (11-test), unique per index: prefixes 2i and 2i+1 never both lack a check digit. */
export function bsnFor(index: number): string {
  for (const prefix of [10_000_000 + index * 2, 10_000_000 + index * 2 + 1]) {
    const digits = String(prefix);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
    if (sum % 11 <= 9) return `${digits}${sum % 11}`;
  }
  throw new Error('unreachable');
}
