import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_IMAGES, SELF_TEST_IMAGES_DIR } from '../../../src/core/self-test';
import { BUILDER_CONFIG, loadBuilderConfig, REPO, targetsOf } from './load-builder-config';

const config = loadBuilderConfig();

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own schema', async () => {
    // The packager's validator (the same one `electron-builder` runs first) rejects unknown or misspelt options.
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config');
    const { DebugLogger } = await import('builder-util');
    await expect(validateConfiguration(loadBuilderConfig(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app', () => {
    expect(config.appId).toBe('com.captionstudio.app');
    expect(config.productName).toBe('Caption Studio');
    expect(config.directories?.output).toBe('release');
  });

  it('pins every Electron fuse at the value the security checklist recommends', () => {
    // toEqual: a fuse removed, added or flipped fails here, so weakening one needs a deliberate edit of this test.
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
    expect(config.asar).not.toBe(false); // onlyLoadAppFromAsar + integrity need an asar
  });

  it('unpacks native code from the asar', () => {
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining([
        '**/node_modules/sharp/**',
        '**/node_modules/@img/**',
        '**/node_modules/@napi-rs/keyring*/**',
      ]),
    );
  });

  it('ships the --self-test sample images beside app.asar, where the self-test looks for them', () => {
    expect(config.extraResources).toEqual([{ from: 'resources/self-test', to: SELF_TEST_IMAGES_DIR }]);
    for (const { file } of Object.values(SAMPLE_IMAGES)) {
      expect(existsSync(join(REPO, 'resources', 'self-test', file)), file).toBe(true);
    }
  });

  it('packages only the built app (production dependencies are added by electron-builder)', () => {
    const files = [config.files ?? []].flat().map(String);
    const included = files.filter((f) => !f.startsWith('!'));
    expect(included.sort()).toEqual(['out/**', 'package.json']);
    expect(files).toEqual(expect.arrayContaining(['!**/*.map', '!src{,/**}', '!tests{,/**}', '!docs{,/**}']));
  });

  it('builds dmg + zip for both Mac architectures, NSIS x64 on Windows, AppImage + deb on Linux', () => {
    expect(targetsOf(config.mac?.target)).toEqual([
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
    ]);
    expect(targetsOf(config.win?.target)).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(targetsOf(config.linux?.target).map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Graphics');
    expect(config.linux?.maintainer).toMatch(/\S+ <\S+@\S+>/);
  });

  it('installs per user on Windows, never asking for administrator rights', () => {
    expect(config.nsis?.perMachine).toBe(false);
    expect(config.nsis?.allowElevation).toBe(false);
  });

  it('signs from the environment: Developer ID + hardened runtime, notarisation only when Apple secrets exist', () => {
    const mac = config.mac;
    // No identity in the file: CSC_LINK selects the certificate, or `-c.mac.identity=-` makes an ad-hoc build.
    expect(mac?.identity).toBeUndefined();
    // `notarize: false` would turn notarisation off even with the secrets; unset, it runs only when they exist.
    expect(mac?.notarize).toBeUndefined();
    expect(mac?.hardenedRuntime).toBe(true);
    const entitlements = readFileSync(join(REPO, String(mac?.entitlements)), 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    expect(entitlements).not.toContain('disable-library-validation');
    expect(config.win?.signtoolOptions?.certificateFile).toBeUndefined(); // the certificate comes from WIN_CSC_LINK
  });

  it('publishes to GitHub Releases as a draft', () => {
    expect(config.publish).toEqual({ provider: 'github', releaseType: 'draft' });
  });

  it('points every platform at an icon that exists', () => {
    for (const icon of [config.mac?.icon, config.win?.icon, config.linux?.icon]) {
      expect(icon, `icon in ${BUILDER_CONFIG}`).toBeTypeOf('string');
      expect(existsSync(join(REPO, String(icon))), String(icon)).toBe(true);
    }
  });
});
