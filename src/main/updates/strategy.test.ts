import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../security';
import { appBundleOf } from './mac-signing';
import { isSignatureError, parseCodesign, releasePageUrl, UPDATE_TEXT, updateStrategy } from './strategy';

// strategy.ts reads the project path from security.ts, which imports electron.

describe('updateStrategy', () => {
  it('is off unless the app is installed (packaged)', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const)
      expect(updateStrategy({ isPackaged: false, platform, macSigning: 'developer-id' })).toBe('off');
  });

  it('updates automatically on Windows and Linux, signed or not', () => {
    expect(updateStrategy({ isPackaged: true, platform: 'win32', macSigning: 'unknown' })).toBe('auto');
    expect(updateStrategy({ isPackaged: true, platform: 'linux', macSigning: 'unknown' })).toBe('auto');
  });

  it('on macOS updates automatically only with a Developer ID signature, else links to the release', () => {
    expect(updateStrategy({ isPackaged: true, platform: 'darwin', macSigning: 'developer-id' })).toBe('auto');
    for (const macSigning of ['adhoc', 'unsigned', 'unknown'] as const)
      expect(updateStrategy({ isPackaged: true, platform: 'darwin', macSigning })).toBe('notify');
  });
});

describe('reading the macOS signature', () => {
  it('parses codesign output', () => {
    const devId = [
      'Executable=/Applications/Caption Studio.app/Contents/MacOS/Caption Studio',
      'Authority=Developer ID Application: Caption Studio (ABCDE12345)',
      'Authority=Developer ID Certification Authority',
      'Authority=Apple Root CA',
      'TeamIdentifier=ABCDE12345',
    ].join('\n');
    expect(parseCodesign(devId)).toBe('developer-id');
    expect(parseCodesign('Executable=/x\nSignature=adhoc\nTeamIdentifier=not set')).toBe('adhoc');
    expect(parseCodesign('/Applications/X.app: code object is not signed at all')).toBe('unsigned');
    expect(parseCodesign('Authority=Apple Development: Ann (X)')).toBe('unknown');
    expect(parseCodesign('')).toBe('unknown');
  });

  it('finds the .app bundle of the executable', () => {
    expect(appBundleOf('/Applications/Caption Studio.app/Contents/MacOS/Caption Studio')).toBe(
      '/Applications/Caption Studio.app',
    );
    expect(appBundleOf('/usr/lib/caption-studio/caption-studio')).toBeNull();
  });

  it("recognises Squirrel.Mac's signature errors", () => {
    expect(isSignatureError(new Error('Code signature at URL file:///x did not pass validation: code failed'))).toBe(
      true,
    );
    expect(isSignatureError(new Error('net::ERR_INTERNET_DISCONNECTED'))).toBe(false);
  });
});

describe('update messages', () => {
  it('links to a release page the shell may open', () => {
    expect(releasePageUrl('1.2.3')).toBe('https://github.com/captionstudio/caption-studio/releases/tag/v1.2.3');
    expect(releasePageUrl('v1.2.3')).toBe(releasePageUrl('1.2.3'));
    expect(isAllowedExternalUrl(releasePageUrl('1.2.3'))).toBe(true);
  });

  it('asks before restarting, and says plainly when a check failed', () => {
    expect(UPDATE_TEXT.readyToInstall('1.2.3')).toMatchObject({
      message: 'Caption Studio 1.2.3 is ready to install. Restart now?',
      buttons: ['Restart', 'Later'],
    });
    expect(UPDATE_TEXT.available('1.2.3').message).toBe('A new version is available');
    expect(UPDATE_TEXT.failed().message).toBe('Could not check for updates');
  });
});
