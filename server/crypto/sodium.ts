import sodium from 'libsodium-wrappers-sumo';

export type Sodium = typeof sodium;

/** libsodium initialises its WebAssembly once; every user awaits this first. */
export async function loadSodium(): Promise<Sodium> {
  await sodium.ready;
  return sodium;
}
