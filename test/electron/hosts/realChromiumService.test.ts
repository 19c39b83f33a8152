/**
 * The web host's "Real Chromium": in live mode nothing is recorded (a real Chromium is
 * only ever pointed at the lab), and a stopped host records nothing more.
 */
import { describe, expect, it } from 'vitest';
import { RealChromiumService } from '../../../electron/hosts/node/realChromiumService.js';

const lab = {
  webServers: [{ address: '127.80.0.1', port: 1, httpsPort: 2, hosts: ['www.naver.com'] }],
  serverCertificates: [],
};

describe('the web host’s real Chromium recorder', () => {
  it('refuses to record in live mode, saying why', async () => {
    await expect(new RealChromiumService(null).record('www.naver.com')).rejects.toThrow(
      /recorded in lab mode only, against the embedded lab: this host runs on the live internet/,
    );
  });

  it('records nothing once the host is stopping', async () => {
    const service = new RealChromiumService(lab);
    await service.stop();
    await expect(service.record('www.naver.com')).rejects.toThrow(/stopping/);
  });

  it('refuses input that leads to no http(s) page before starting anything', async () => {
    const service = new RealChromiumService(lab, { executablePath: '/nonexistent/chromium' });
    await expect(service.record('mailto:someone@example.com')).rejects.toThrow(
      /only http and https pages are recorded/,
    );
    await expect(service.record('   ')).rejects.toThrow(/nothing was typed/);
  });
});
