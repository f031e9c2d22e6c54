/** Dutch texts of the service's notices in the app header: terms changes, maintenance, price changes. */
export const nlNotices = {
  notices: {
    region: 'Berichten van Thuisdossier',
    kind: { 'terms-change': 'Nieuwe voorwaarden', maintenance: 'Gepland onderhoud', 'price-change': 'Prijswijziging' },
    from: 'Geldt vanaf {{date}}.',
    when: 'Wanneer: {{from}} tot {{until}}.',
    whenOpen: 'Wanneer: vanaf {{from}}.',
    whatToDo: {
      'terms-change':
        'Je hoeft niets te doen om verder te werken. Ben je het niet eens met de wijziging? Dan kan de eigenaar van het account de overeenkomst opzeggen of de lopende termijn uitdienen onder de oude voorwaarden (artikel 15).',
      maintenance:
        'Je kunt gewoon doorwerken: de app werkt zonder internet. Wat je in die tijd vastlegt, blijft op deze laptop en wordt daarna vanzelf gesynchroniseerd.',
      'price-change': 'Bekijk de nieuwe prijs onder Beheer › Abonnement.',
    },
    mayCancel: 'De nieuwe prijs is meer dan anderhalf keer de huidige: de eigenaar mag tot en met {{date}} per direct opzeggen (artikel 8).',
    toSubscription: 'Naar abonnement',
    acknowledge: 'Gelezen',
    acknowledgeLabel: 'Markeer "{{title}}" als gelezen',
    acknowledgeFailed: 'Het bericht kon niet als gelezen worden gemarkeerd. Probeer het opnieuw.',
  },
};
