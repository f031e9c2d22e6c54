import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const config = JSON.parse(readFileSync(path.join(root, 'build/electron-builder.json'), 'utf8')) as Record<string, unknown> & {
  asarUnpack: string[];
  extraMetadata: { main: string };
  electronFuses: Record<string, boolean>;
  linux: { icon: string };
  win: { icon: string };
  mac: { icon: string };
};

describe('the electron-builder configuration', () => {
  it('is valid against electron-builder’s own schema', () => {
    const schema = JSON.parse(readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const { $schema: _ignored, ...withoutSchemaKey } = config;
    const valid = validate(withoutSchemaKey);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names files that exist or that the build produces', () => {
    for (const icon of new Set([config.linux.icon, config.win.icon, config.mac.icon])) {
      expect(existsSync(path.join(root, icon)), icon).toBe(true);
    }
    // The main entry is what scripts/build-electron.mjs writes.
    const buildScript = readFileSync(path.join(root, 'scripts/build-electron.mjs'), 'utf8');
    expect(buildScript).toContain(`outfile: '${config.extraMetadata.main}'`);
    for (const entry of ['electron/main.ts', 'electron/preload.ts', 'electron/core/utility-entry.ts']) {
      expect(existsSync(path.join(root, entry)), entry).toBe(true);
    }
  });

  it('keeps the native SQLite module out of the asar archive', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3-multiple-ciphers/**');
  });

  it('unpacks libsodium (wrappers and the library they require), so the Argon2id worker thread can load it', () => {
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/libsodium-wrappers-sumo/**', '**/node_modules/libsodium-sumo/**']));
  });

  it('sets the Electron fuses of the security checklist', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
