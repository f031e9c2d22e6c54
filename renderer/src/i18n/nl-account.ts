/** Dutch: "Mijn account" — the user's own password and recovery codes. */
export const nlAccount = {
  account: {
    nav: 'Mijn account',
    title: 'Mijn account',
    intro: 'Je bent aangemeld als {{name}} ({{email}}).',
    offline: 'Verbind met internet om je wachtwoord te wijzigen of nieuwe herstelcodes te maken. Je wachtwoord is hetzelfde op de centrale dienst en op deze laptop, dus beide veranderen tegelijk.',
    password: {
      title: 'Wachtwoord wijzigen',
      intro:
        'Je nieuwe wachtwoord geldt meteen voor aanmelden en voor het ontgrendelen van de app op deze laptop. Op je andere apparaten meld je je de volgende keer online aan met het nieuwe wachtwoord.',
      current: 'Huidig wachtwoord',
      currentMissing: 'Vul je huidige wachtwoord in.',
      new: 'Nieuw wachtwoord',
      repeat: 'Nieuw wachtwoord herhalen',
      rules: 'Minstens 12 tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.',
      tooShort: 'Je nieuwe wachtwoord moet minstens 12 tekens hebben.',
      same: 'Kies een ander wachtwoord dan je huidige.',
      mismatch: 'De twee nieuwe wachtwoorden zijn niet gelijk. Typ ze opnieuw.',
      wrongCurrent: 'Je huidige wachtwoord klopt niet. Er is niets gewijzigd; probeer het opnieuw.',
      submit: 'Wachtwoord wijzigen',
      changed: 'Je wachtwoord is gewijzigd. Ontgrendel de app voortaan met je nieuwe wachtwoord.',
    },
    recovery: {
      title: 'Nieuwe herstelcodes',
      intro:
        'Ben je je herstelcodes kwijt, of heb je er al een paar gebruikt? Maak nieuwe. Je oude herstelcodes werken daarna niet meer.',
      off: 'Tweestapsverificatie staat niet aan voor jouw account, dus je hebt geen herstelcodes nodig.',
      code: 'Code uit je authenticator-app',
      codeHint: 'Open de app op je telefoon en vul de code van 6 cijfers bij ‘Thuisdossier’ in.',
      invalid: 'Deze code klopt niet of is al gebruikt. Wacht tot de app een nieuwe code toont en probeer het opnieuw.',
      submit: 'Nieuwe herstelcodes maken',
      renewedIntro: 'Je nieuwe herstelcodes zijn klaar. Je oude herstelcodes werken niet meer.',
      done: 'Klaar',
    },
  },
};
