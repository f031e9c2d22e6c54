import sodiumModule from 'libsodium-wrappers-sumo';

export type Sodium = typeof sodiumModule;

/** libsodium is WebAssembly: it must finish loading once before any call. */
export async function loadSodium(): Promise<Sodium> {
  await sodiumModule.ready;
  return sodiumModule;
}
