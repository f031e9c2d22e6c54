/** Dutch texts of the licence lock screen and the export screens. */
export const nlLicence = {
  licence: {
    title: {
      blocked: 'Je account is geblokkeerd',
      ended: 'De overeenkomst is beëindigd',
      expired: 'Ga online om verder te werken',
      none: 'Meld je online aan om verder te werken',
    },
    blockReason: {
      overdue: 'Er staat een factuur open die niet op tijd is betaald.',
      'reversed-direct-debit': 'Een automatische incasso is gestorneerd.',
      abuse: 'Het account is geblokkeerd wegens misbruik van de proefperiode of de voorwaarden.',
      'user-paused': 'Je gebruikersaccount is gepauzeerd door een beheerder.',
      other: 'De organisatie is geblokkeerd door Thuisdossier.',
    },
    reason: {
      'lease-expired': 'Je laptop is te lang offline geweest. De licentie moet worden vernieuwd via internet.',
      'clock-set-back': 'De klok van deze laptop staat terug in de tijd. Zet de datum en tijd goed.',
      'no-lease': 'Op dit apparaat staat geen geldige licentie.',
      ended: 'Alle gegevens op dit apparaat worden verwijderd.',
    },
    nextStep: {
      'pay-outstanding': 'Vraag de eigenaar van het account de openstaande factuur te betalen. Daarna werkt alles weer.',
      'contact-admin': 'Neem contact op met de beheerder van je organisatie.',
      'contact-support': 'Neem contact op met de support van Thuisdossier.',
      'go-online': 'Maak verbinding met internet; de app vernieuwt de licentie vanzelf.',
      'correct-clock-and-go-online': 'Zet de klok goed en maak verbinding met internet.',
      'sign-in-online': 'Maak verbinding met internet en meld je opnieuw aan.',
      none: '',
    },
    safe: 'Je gegevens staan veilig versleuteld op deze laptop; er gaat niets verloren.',
    offlineDaysLeft_one: 'Nog {{count}} dag offline werken mogelijk',
    offlineDaysLeft_other: 'Nog {{count}} dagen offline werken mogelijk',
  },
};
