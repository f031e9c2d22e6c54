import { describe, expect, it } from 'vitest';
import { accessRefusals, ipcErrorSchema } from '../../shared/ipc/errors.js';
import { adminErrorFrom } from '../admin/admin-connection.js';
import { toIpcError } from '../core/error-mapping.js';
import { CentralApiError } from '../sync/central-api.js';
import { coreErrorFrom } from './online-sign-in.js';

/**
 * The central service turns a person away for different reasons; the sign-in screen must say which
 * (and so what to do), not one "no access". Each reason crosses the IPC boundary as `forbidden`
 * with its own `refusal`, valid under the contract.
 */
describe('sign-in refusals keep their reason across the IPC boundary', () => {
  it.each(accessRefusals)('%s → forbidden with refusal %s', (code) => {
    const error = toIpcError(coreErrorFrom(new CentralApiError(code, 'refused by the service', 403)));
    expect(error).toEqual({ code: 'forbidden', message: 'refused by the service', refusal: code });
    expect(ipcErrorSchema.parse(error)).toEqual(error);
    // The admin screens' line to the service keeps it too.
    expect(toIpcError(adminErrorFrom(new CentralApiError(code, 'refused by the service', 403)))).toMatchObject({ code: 'forbidden', refusal: code });
  });

  it('a plain forbidden stays plain (no rule to name)', () => {
    expect(toIpcError(coreErrorFrom(new CentralApiError('forbidden', 'not yours', 403)))).toEqual({ code: 'forbidden', message: 'not yours' });
  });
});
