import { apiRoutes } from '../../../shared/api/routes.js';
import type { AdminConnection } from '../../admin/admin-connection.js';
import { amsterdamToday } from '../../admin/amsterdam-today.js';
import { previewSeats } from '../../admin/seat-preview.js';
import { parseSubscriptionState, summariseSubscription } from '../../admin/subscription-summary.js';
import type { HandlersFor } from '../handlers.js';

/**
 * The admin screens (issue 8): every call goes through AdminConnection, which refuses a non-admin
 * on the device, sends the signed-in session, and turns "no internet" into `offline`.
 */
export function adminHandlers(admin: AdminConnection, now: () => Date = () => new Date()): HandlersFor<'admin'> {
  const summary = async (answer?: { state: unknown; activeUsers: number }) => {
    const caller = admin.caller();
    const view = answer ?? (await admin.call(apiRoutes.getSubscription));
    return summariseSubscription(parseSubscriptionState(view.state), view.activeUsers, amsterdamToday(now()), caller.role === 'owner');
  };
  return {
    'admin.users': async () => admin.call(apiRoutes.listUsers),
    'admin.seatPreview': async ({ adding }) => {
      const [subscription, { users }] = await Promise.all([admin.call(apiRoutes.getSubscription), admin.call(apiRoutes.listUsers)]);
      const pendingInvites = users.filter((user) => user.status === 'invited').length;
      return previewSeats(parseSubscriptionState(subscription.state), { activeUsers: subscription.activeUsers, pendingInvites }, adding, amsterdamToday(now()));
    },
    'admin.inviteUser': async (body) => admin.call(apiRoutes.inviteUser, { body }),
    'admin.setUserStatus': async ({ userId, status }) => admin.call(apiRoutes.updateUser, { params: { id: userId }, body: { status } }),
    'admin.devices': async () => admin.call(apiRoutes.listDevices),
    'admin.revokeDevice': async (params) => admin.call(apiRoutes.revokeDevice, { params }),
    'admin.subscription': async () => summary(),
    'admin.changePlan': async (body) => summary(await admin.call(apiRoutes.changePlan, { body })),
    'admin.convertToPaid': async (body) => summary(await admin.call(apiRoutes.convertToPaid, { body }, 'owner')),
    'admin.cancelSubscription': async (body) => summary(await admin.call(apiRoutes.cancelSubscription, { body }, 'owner')),
    'admin.cancelForPriceIncrease': async (body) => summary(await admin.call(apiRoutes.cancelForPriceIncrease, { body }, 'owner')),
    'admin.requestDowngrade': async (body) => admin.call(apiRoutes.requestDowngrade, { body }),
    'admin.downgradeRequests': async () => admin.call(apiRoutes.downgradeRequests),
    // The password and code go to the service only; never into an error or a log.
    'admin.transferOwnership': async (body) => {
      const answer = await admin.call(apiRoutes.transferOwnership, { body }, 'owner');
      admin.rememberRole(answer.previousOwner);
      admin.rememberRole(answer.owner);
      return answer;
    },
    'admin.invoices': async () => admin.call(apiRoutes.invoices),
    'admin.security': async () => admin.call(apiRoutes.getSecurity),
    'admin.updateSecurity': async (body) => admin.call(apiRoutes.updateSecurity, { body }),
    'admin.storage': async () => admin.call(apiRoutes.storage),
  };
}
