import { evaluateLicence, type LicenceDecision } from '../licence/evaluate-licence.js';
import type { ShippedLeaseKeys } from '../licence/lease-verifier.js';
import { refusal, type LicenceService } from '../licence/licence-service.js';
import { deviceLicence } from '../session/device-licence.js';
import type { SessionService } from '../session/session-service.js';
import type { LocalStore } from '../store/index.js';
import type { CoreHandlers } from './handlers.js';

/**
 * The licence, enforced on the device for every dossier call (SPEC §3): the signed lease in the
 * encrypted store decides, also offline. A device without a verifiable lease opens no dossier.
 */
export class LicenceGate {
  private service: { accountKey: string; licence: LicenceService } | null = null;

  constructor(
    private readonly store: LocalStore,
    private readonly session: SessionService,
    private readonly keys: ShippedLeaseKeys,
    private readonly dataDir: string,
    /** After an ended agreement's wipe: the window must leave the dossiers for the sign-in screen. */
    private readonly onWiped: () => void = () => undefined,
  ) {}

  /** The current decision; null while nobody is signed in or the store is locked. */
  async decision(): Promise<LicenceDecision | null> {
    const licence = await this.licence();
    return licence ? licence.status() : null;
  }

  /**
   * The user confirmed the final notice of an ended agreement: the data goes now (securely, see
   * deviceLicence), not at the next start. Nothing happens for any other state.
   */
  async confirmEndNotice(): Promise<void> {
    const licence = await this.licence();
    if (licence) await licence.confirmEndNotice();
  }

  async assertCanOpenDossiers(): Promise<void> {
    const licence = await this.licence();
    // Locked or signed out: the session itself refuses with the right message.
    if (licence) await licence.assertCanOpenDossiers();
  }

  async assertCanExport(): Promise<LicenceDecision> {
    const licence = await this.licence();
    if (!licence) throw refusal(evaluateLicence(null, new Date(), null), 'export');
    return licence.assertCanExport();
  }

  private async licence(): Promise<LicenceService | null> {
    const account = this.session.account();
    if (!account || !this.store.isUnlocked()) return null;
    const identity = { organisationId: account.organisationId, userId: account.userId, deviceId: account.deviceId ?? '' };
    const accountKey = `${identity.organisationId}/${identity.userId}/${identity.deviceId}`;
    if (this.service?.accountKey !== accountKey) {
      this.service = { accountKey, licence: await deviceLicence(this.store, this.dataDir, this.keys, identity, this.onWiped) };
    }
    return this.service.licence;
  }
}

/** Every handler of these namespaces first asks the gate: no dossier access without a licence. */
export function behindLicence<H extends Partial<CoreHandlers>>(handlers: H, gate: LicenceGate): H {
  const guarded: Record<string, unknown> = {};
  for (const [method, handler] of Object.entries(handlers) as Array<[string, (input: unknown, context: unknown) => Promise<unknown>]>) {
    guarded[method] = async (input: unknown, context: unknown) => {
      await gate.assertCanOpenDossiers();
      return handler(input, context);
    };
  }
  return guarded as H;
}
