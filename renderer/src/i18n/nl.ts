import { nlRetention } from './nl-retention.js';
import { nlBackup } from './nl-backup.js';
import { nlAdmin } from './nl-admin.js';
import { nlLicence } from './nl-licence.js';
import { nlNotices } from './nl-notices.js';
import { nlSync } from './nl-sync.js';
import { nlWork } from './nl-work.js';
import { nlValidation } from './nl-validation.js';
import { nlTwoFactor } from './nl-two-factor.js';
import { nlAccount } from './nl-account.js';

/** Dutch: the default language. English (en.ts) must have exactly the same keys. */
export const nl = {
  app: {
    name: 'Thuisdossier',
    tagline: 'Het cliëntdossier voor zorg aan huis — ook zonder internet.',
  },
  common: {
    showPassword: 'Wachtwoord tonen of verbergen',
    loading: 'Laden…',
    cancel: 'Annuleren',
    save: 'Opslaan',
    undo: 'Wijzigingen ongedaan maken',
    close: 'Sluiten',
    delete: 'Verwijderen',
    confirmRemove: 'Ja, verwijderen',
    edit: 'Bewerken',
    add: 'Toevoegen',
    yes: 'Ja',
    no: 'Nee',
    none: '—',
    clearDate: 'Datum wissen',
    datePlaceholder: 'dd-mm-jjjj',
    dateTimePlaceholder: 'dd-mm-jjjj uu:mm',
  },
  language: { label: 'Taal', nl: 'Nederlands', en: 'English' },
  connectivity: {
    online: 'Online',
    offline: 'Offline',
    onlineHint: 'Verbonden met de centrale dienst.',
    offlineHint: 'Geen verbinding. Je kunt gewoon doorwerken; wijzigingen worden later verstuurd.',
  },
  signIn: {
    title: 'Aanmelden',
    intro: 'Meld je aan met het e-mailadres en wachtwoord van je Thuisdossier-account.',
    email: 'E-mailadres',
    emailPlaceholder: 'naam@zorgorganisatie.nl',
    password: 'Wachtwoord',
    previousPassword: 'Je vorige wachtwoord',
    previousPasswordWhy:
      'Je wachtwoord is online gewijzigd, maar deze laptop kent nog je vorige wachtwoord. Vul dat hier één keer in: daarna opent de app alleen nog met je nieuwe wachtwoord. Je gegevens op deze laptop blijven bewaard.',
    totp: 'Verificatiecode',
    totpHint: 'De 6 cijfers uit je authenticator-app.',
    totpTitle: 'Tweestapsverificatie',
    totpIntro: 'Je organisatie vraagt een tweede stap. Vul de code in die je authenticator-app nu toont.',
    totpInvalid: 'Deze code klopt niet of is al gebruikt. Wacht op de volgende code en probeer het opnieuw.',
    totpSubmit: 'Bevestigen',
    back: 'Terug',
    submit: 'Aanmelden',
    wiped: { device_revoked: 'Een beheerder heeft dit apparaat afgemeld', account_ended: 'De overeenkomst van je organisatie is beëindigd' },
    wipedWhat: 'De dossiers zijn daarom van deze laptop verwijderd. Er staat geen cliëntinformatie meer op. Vraag je beheerder om het apparaat weer toe te staan als je hier opnieuw wilt werken.',
    firstTimeNote:
      'De eerste keer aanmelden op deze laptop vraagt internet. Daarna open je Thuisdossier ook offline met je wachtwoord.',
  },
  initialSync: {
    title: 'Je dossiers worden opgehaald',
    intro: 'De eerste keer op dit apparaat haalt Thuisdossier de dossiers op waar je toegang toe hebt. Daarna werk je ook offline.',
    received_one: '{{count}} gegeven ontvangen',
    received_other: '{{count}} gegevens ontvangen',
    sent: '{{count}} wijzigingen verstuurd',
    percent: '{{percent}}% opgehaald',
    estimateMinutes_one: 'Nog ongeveer {{count}} minuut',
    estimateMinutes_other: 'Nog ongeveer {{count}} minuten',
    estimateUnderMinute: 'Nog minder dan een minuut',
    estimating: 'Resterende tijd berekenen…',
    failed: 'Ophalen lukte niet: {{message}}',
    retry: 'Opnieuw proberen',
    continue: 'Verder zonder te wachten',
  },
  unlock: {
    title: 'Ontgrendelen',
    intro: 'Welkom terug, {{name}}. Vul je wachtwoord in om je dossiers te openen.',
    password: 'Wachtwoord',
    signInOnline: 'Online aanmelden (wachtwoord vergeten of gewijzigd, te vaak fout)',
    submit: 'Ontgrendelen',
  },
  ...nlWork,
  ...nlLicence,
  ...nlBackup,
  ...nlRetention,
  ...nlSync,
  ...nlNotices,
  ...nlAdmin,
  ...nlValidation,
  ...nlTwoFactor,
  ...nlAccount,
  errors: {
    invalid_request: 'Er ging iets mis in de app. Probeer het opnieuw.',
    unknown_method: 'Deze functie bestaat niet in deze versie van de app. Werk de app bij.',
    invalid_input: 'Niet alle velden zijn goed ingevuld. Controleer de gemarkeerde velden.',
    not_signed_in: 'Je bent nog niet aangemeld op dit apparaat.',
    locked: 'De app is vergrendeld. Ontgrendel met je wachtwoord.',
    forbidden: 'Je hebt geen toegang tot dit onderdeel. Vraag je beheerder om toegang.',
    not_found: 'Dit onderdeel bestaat niet (meer).',
    conflict: 'Iemand anders heeft dit tegelijk gewijzigd. Bekijk beide versies.',
    record_locked: 'Dit onderdeel is vastgezet en kan niet meer worden gewijzigd. Voeg een aanvulling toe.',
    licence_blocked: 'Het account van je organisatie is geblokkeerd. Neem contact op met je beheerder.',
    licence_expired: 'Ga online om verder te werken: de licentie moet worden vernieuwd.',
    wrong_password: 'Het wachtwoord klopt niet. Probeer het opnieuw.',
    too_many_attempts: 'Te veel pogingen. Wacht even en probeer het opnieuw.',
    offline: 'Je bent offline. Voor de eerste keer aanmelden op dit apparaat is internet nodig.',
    server_unreachable: 'De centrale dienst is niet bereikbaar. Probeer het later opnieuw.',
    server_error: 'De centrale dienst gaf een fout. Probeer het later opnieuw of neem contact op met support.',
    storage_full: 'De schijf is vol. Maak ruimte vrij; er is niets verloren gegaan.',
    too_large: 'Het bestand is te groot.',
    tampered: 'De gegevens zijn beschadigd of gewijzigd buiten de app. Neem contact op met support.',
    cancelled: 'Geannuleerd.',
    internal: 'Er ging iets onverwachts mis. Probeer het opnieuw; blijft het gebeuren, neem dan contact op met support.',
    /** Why the central service turned you away, and what to do next (one per rule). */
    refusal: {
      two_factor_enrolment_required:
        'Je organisatie heeft tweestapsverificatie verplicht gesteld, en voor jouw account is die nog niet ingesteld. Meld je opnieuw aan: de app helpt je dan om het stap voor stap in te stellen. Lukt dat niet, vraag dan je beheerder om hulp.',
      ip_not_allowed:
        'Je organisatie staat aanmelden alleen toe vanaf bepaalde netwerken, en dit netwerk hoort daar niet bij. Meld je aan vanaf een toegestaan netwerk (bijvoorbeeld op kantoor), of vraag je beheerder dit netwerk toe te voegen in Beheer → Beveiliging.',
      account_paused: 'Je account is gepauzeerd door je beheerder, daarom kun je niet aanmelden. Vraag je beheerder je account weer actief te maken in Beheer → Gebruikers.',
      device_revoked:
        'Een beheerder heeft dit apparaat afgemeld; het mag niet meer aanmelden. Meld je aan op een ander apparaat, of vraag je beheerder of je dit apparaat weer mag gebruiken.',
      organisation_ended:
        'De overeenkomst van je organisatie met Thuisdossier is beëindigd; aanmelden kan niet meer. Neem contact op met de eigenaar van het account van je organisatie.',
    },
  },
};

/** The shape every language must have: the same keys, any strings. */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type Messages = Strings<typeof nl>;
