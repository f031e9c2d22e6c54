/**
 * Removes everything of the organisation from this device when the agreement has ended (SPEC.md
 * §3: "accounts and data are deleted permanently — on the server and on every device"). The core
 * composes the real one from the store (close and destroy the encrypted database and its key) and
 * the document files (see file-wiper.ts).
 */
export interface LocalDataWiper {
  wipe(): Promise<void>;
}
