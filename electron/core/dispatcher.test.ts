import { describe, expect, it } from 'vitest';
import { createLogger } from '../log/logger.js';
import { CoreError } from './core-error.js';
import { createDispatcher } from './dispatcher.js';
import type { CoreHandlers } from './handlers.js';
import { ipcMethods } from '../../shared/ipc/contract.js';

const log = createLogger('test', 'silent');
const context = { connectionId: 'test' };

function handlers(overrides: Partial<CoreHandlers> = {}): CoreHandlers {
  const unlocked = async () => ({ state: 'no-account' as const });
  // Calls these tests do not make still need a handler for the table to be complete.
  const unused = Object.fromEntries(
    ipcMethods.map((method) => [method, async () => Promise.reject(new Error(`${method} is not used in this test`))]),
  ) as unknown as CoreHandlers;
  return {
    ...unused,
    'app.info': async () => ({ name: 'Thuisdossier', version: '0.0.0', host: 'test' }),
    'connectivity.status': async () => ({ online: false, serverUrl: 'http://127.0.0.1:1', lastCheckedAt: null }),
    'session.status': unlocked,
    'session.signIn': unlocked,
    'session.unlock': unlocked,
    'session.lock': unlocked,
    'dossiers.list': async () => ({ items: [] }),
    ...overrides,
  };
}

describe('the core dispatcher', () => {
  it('answers a valid call with ok and the value', async () => {
    const dispatch = createDispatcher(handlers(), log);
    const response = await dispatch({ kind: 'request', id: 7, method: 'app.info', input: {} }, context);
    expect(response).toEqual({
      kind: 'response',
      id: 7,
      result: { ok: true, value: { name: 'Thuisdossier', version: '0.0.0', host: 'test' } },
    });
  });

  it.each([
    ['null', null],
    ['a string', 'hello'],
    ['an array', [1, 2]],
    ['no method', { kind: 'request', id: 1, input: {} }],
    ['a negative id', { kind: 'request', id: -1, method: 'app.info', input: {} }],
    ['a wrong kind', { kind: 'event', id: 1, method: 'app.info', input: {} }],
  ])('refuses %s as an invalid request', async (_label, raw) => {
    const dispatch = createDispatcher(handlers(), log);
    const response = await dispatch(raw, context);
    expect(response.result.ok).toBe(false);
    if (!response.result.ok) expect(response.result.error.code).toBe('invalid_request');
  });

  it('keeps the id of a malformed request when it can read it', async () => {
    const dispatch = createDispatcher(handlers(), log);
    const response = await dispatch({ id: 12, method: 42 }, context);
    expect(response.id).toBe(12);
  });

  it('refuses an unknown method by name', async () => {
    const dispatch = createDispatcher(handlers(), log);
    const response = await dispatch({ kind: 'request', id: 1, method: 'dossiers.dropAll', input: {} }, context);
    expect(response.result).toMatchObject({
      ok: false,
      error: { code: 'unknown_method', message: expect.stringContaining('dossiers.dropAll') },
    });
  });

  it('does not treat Object.prototype members as methods', async () => {
    const dispatch = createDispatcher(handlers(), log);
    const response = await dispatch({ kind: 'request', id: 1, method: 'constructor', input: {} }, context);
    expect(response.result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('refuses input of the wrong type and names the field, without calling the handler', async () => {
    let called = false;
    const dispatch = createDispatcher(
      handlers({
        'session.unlock': async () => {
          called = true;
          return { state: 'no-account' };
        },
      }),
      log,
    );
    const response = await dispatch({ kind: 'request', id: 3, method: 'session.unlock', input: { password: 42 } }, context);
    expect(called).toBe(false);
    expect(response.result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!response.result.ok) expect(response.result.error.issues?.[0]?.path).toBe('password');
  });

  it('refuses unexpected extra fields in the input', async () => {
    const dispatch = createDispatcher(handlers(), log);
    const response = await dispatch(
      { kind: 'request', id: 3, method: 'session.unlock', input: { password: 'x', admin: true } },
      context,
    );
    expect(response.result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('passes a typed CoreError through with its code', async () => {
    const dispatch = createDispatcher(
      handlers({
        'session.unlock': async () => {
          throw new CoreError('wrong_password', 'nope', { retryAfterSeconds: 4 });
        },
      }),
      log,
    );
    const response = await dispatch({ kind: 'request', id: 4, method: 'session.unlock', input: { password: 'x' } }, context);
    expect(response.result).toEqual({ ok: false, error: { code: 'wrong_password', message: 'nope', retryAfterSeconds: 4 } });
  });

  it('hides the details of an unexpected failure and stays usable', async () => {
    const dispatch = createDispatcher(
      handlers({
        'app.info': async () => {
          throw new Error('secret database path /home/x');
        },
      }),
      log,
    );
    const failed = await dispatch({ kind: 'request', id: 5, method: 'app.info', input: {} }, context);
    expect(failed.result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(failed)).not.toContain('/home/x');
    const next = await dispatch({ kind: 'request', id: 6, method: 'connectivity.status', input: {} }, context);
    expect(next.result.ok).toBe(true);
  });

  it('refuses a handler answer that breaks the contract', async () => {
    const dispatch = createDispatcher(
      handlers({ 'dossiers.list': async () => ({ items: [{ id: 'not-a-uuid' }] }) as never }),
      log,
    );
    const response = await dispatch({ kind: 'request', id: 8, method: 'dossiers.list', input: {} }, context);
    expect(response.result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
