/** Dutch: setting up two-step verification at the first sign-in, for someone who never did it before. */
export const nlTwoFactor = {
  twoFactorSetUp: {
    title: 'Tweestapsverificatie instellen',
    step: 'Stap {{step}} van 3',
    intro:
      'Je organisatie vraagt een tweede stap bij het aanmelden: naast je wachtwoord een code van 6 cijfers uit een app op je telefoon. Je stelt dit nu één keer in; het duurt een paar minuten.',
    installApp:
      'Installeer een authenticator-app op je telefoon, bijvoorbeeld Microsoft Authenticator of Google Authenticator (gratis in de App Store of Google Play).',
    scan: 'Open de app, kies ‘Account toevoegen’ en scan deze QR-code met je telefoon.',
    qrLabel: 'QR-code om te scannen met je authenticator-app',
    manualTitle: 'Scannen lukt niet?',
    manual: 'Kies in de app ‘Sleutel invoeren’ en typ deze sleutel over. De spaties hoef je niet te typen.',
    copySecret: 'Sleutel kopiëren',
    copied: 'Gekopieerd',
    code: 'Code uit de app',
    codeHint: 'De app toont nu een code van 6 cijfers bij ‘Thuisdossier’. Vul die hier in.',
    confirm: 'Code controleren',
    invalid:
      'Deze code klopt niet. Kijk of je de code bij ‘Thuisdossier’ gebruikt, en vul de code in die de app nu toont. Je hoeft niet opnieuw te scannen.',
    expired:
      'Het instellen is gestopt: het moet binnen 15 minuten klaar zijn. Meld je opnieuw aan. Krijg je dan een nieuwe QR-code, verwijder dan eerst in je app het account ‘Thuisdossier’ dat je net had toegevoegd.',
    back: 'Terug',
    recoveryTitle: 'Bewaar je herstelcodes',
    recoveryIntro:
      'Tweestapsverificatie staat aan. Ben je je telefoon kwijt, dan meld je je aan met een van deze herstelcodes in plaats van de code uit de app. Elke herstelcode werkt één keer.',
    recoveryOnce:
      'Je ziet deze codes alleen nu. Schrijf ze op of druk ze af, en bewaar ze op een veilige plek: niet op deze laptop en niet op je telefoon.',
    recoveryList: 'Herstelcodes',
    copyCodes: 'Codes kopiëren',
    print: 'Afdrukken',
    saved: 'Ik heb de herstelcodes bewaard',
    continue: 'Verder',
    nextCodeTitle: 'Aanmelden met je app',
    nextCodeIntro:
      'Bijna klaar. De code die je net gebruikte werkt maar één keer: wacht tot je app een nieuwe code toont, en vul die in.',
  },
};
