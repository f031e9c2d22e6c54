import type { HandlersFor } from '../handlers.js';
import type { LicenceGate } from '../licence-gate.js';

export function licenceHandlers(gate: LicenceGate): HandlersFor<'licence'> {
  return {
    'licence.status': async () => {
      const decision = await gate.decision();
      if (!decision) return null;
      const { state, canOpenDossiers, canExport, reason, blockReason, nextStep, validUntil, offlineDaysLeft } = decision;
      return { state, canOpenDossiers, canExport, reason, blockReason, nextStep, validUntil, offlineDaysLeft };
    },
    'licence.confirmEndNotice': async () => {
      await gate.confirmEndNotice();
      return null;
    },
  };
}
