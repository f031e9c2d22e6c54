import type { nlNotices } from './nl-notices.js';

/** English texts of the service's notices in the app header. */
export const enNotices: typeof nlNotices = {
  notices: {
    region: 'Messages from Thuisdossier',
    kind: { 'terms-change': 'New terms', maintenance: 'Planned maintenance', 'price-change': 'Price change' },
    from: 'Applies from {{date}}.',
    when: 'When: {{from}} until {{until}}.',
    whenOpen: 'When: from {{from}}.',
    whatToDo: {
      'terms-change':
        'You need not do anything to keep working. If you do not agree with the change, the account owner can end the agreement or finish the current term under the old terms (article 15).',
      maintenance: 'You can keep working: the app works without internet. What you record meanwhile stays on this laptop and syncs by itself afterwards.',
      'price-change': 'See the new price under Administration › Subscription.',
    },
    mayCancel: 'The new price is more than one and a half times the current one: the owner may cancel with immediate effect up to and including {{date}} (article 8).',
    toSubscription: 'Go to subscription',
    acknowledge: 'Read',
    acknowledgeLabel: 'Mark "{{title}}" as read',
    acknowledgeFailed: 'The message could not be marked as read. Try again.',
  },
};
