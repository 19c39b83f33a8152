import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { type LabRecording, recordLabPages } from '../electron/support/labChromium.js';
import { ARTIFACTS, type WindowSession, describeWindow } from './chromiumHarness.js';

/**
 * Files web engineers already have, opened in the window: a NetLog and a HAR that the
 * real Chromium recorded of the lab's www.naver.com in this run. They hold requests only,
 * so the window says there are no processes or messages, and shows the requests in the
 * waterfall with the DNS, connection, TLS and HTTP panels where the file has the data.
 */
describeWindow('imported HAR and NetLog files in the window (web host)', (window) => {
  let w: WindowSession;
  let recording: LabRecording;
  beforeAll(async () => {
    w = window();
    recording = await recordLabPages(w.host.session.lab!, ['https://www.naver.com/']);
  }, 60_000);

  /** The waterfall row of the request for `url`'s last path segment (or host). */
  const row = (label: string) =>
    w.page.locator('.wf-row.request', { has: w.page.locator('.wf-label', { hasText: label }) }).first();

  it('opens a NetLog with "Open trace…": no processes or messages, every request in the waterfall', async () => {
    const { page } = w;
    await page.getByTestId('trace-file-input').setInputFiles(recording.netLog);
    await expect.poll(() => page.getByTestId('replay-banner').textContent()).toMatch(/NetLog “chromium\.netlog\.json”/);
    expect(await page.getByTestId('no-processes').textContent()).toContain(
      'This file has no processes or messages: a NetLog records the network only',
    );
    expect(await page.getByTestId('process-diagram').count()).toBe(0);
    expect(await page.getByTestId('no-messages').textContent()).toContain('This file has no messages');
    // It opens at its end: the page's navigation and its subresources.
    for (const label of ['www.naver.com/', 'naver.css', 'search.js', 'analytics.js', 'logo.png'])
      await expect.poll(() => row(label).count(), { message: `a waterfall row for ${label}` }).toBe(1);
    expect(await page.getByTestId('trace-file-problem').count()).toBe(0);
  });

  it('shows the navigation request: its TLS handshake, its DNS step and its HTTP heads', async () => {
    const { page } = w;
    const navigation = row('www.naver.com/');
    // The row's last SSL step: the handshake of the connection Chromium used.
    await navigation.locator('rect.seg-ssl').last().click({ force: true });
    const tls = page.getByTestId('tls-panel');
    await expect.poll(() => tls.textContent()).toContain('TLS 1.3');
    expect(await tls.textContent()).toMatch(/TLS_AES_(128|256)_GCM_SHA(256|384)|TLS_CHACHA20/);
    expect(await tls.textContent()).toContain('CN=www.naver.com');
    expect(await page.getByTestId('request-url').textContent()).toContain('GET https://www.naver.com/');
    expect(await page.getByTestId('request-outcome').textContent()).toContain('200 OK');
    expect(await page.getByTestId('explain-topic').textContent()).toBe('TLS handshake');

    await navigation.locator('rect.seg-request-sent').first().click({ force: true });
    await expect.poll(() => page.getByTestId('http-raw-request').textContent()).toMatch(/^GET \/ HTTP\/1\.1/);
    expect(await page.getByTestId('http-raw-response').textContent()).toMatch(/^HTTP\/1\.1 200 OK/);

    await navigation.locator('rect.seg-dns-lookup').last().click({ force: true });
    await expect.poll(() => page.getByTestId('dns-panel').textContent()).toContain('www.naver.com');
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-netlog-en.png') });
  });

  it("marks Chromium's own background requests, kept with their net errors", async () => {
    const { page } = w;
    // Before the navigation, the first requests are Chromium's own (update checks, account
    // lookups): three steps (▶▶ goes from request to request) and the first has ended.
    await page.getByTestId('play').focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next phase' }).click();
    const own = page.locator('.wf-row.request.own').first();
    await expect.poll(() => own.count()).toBe(1);
    await own.locator('rect.wf-seg').first().click({ force: true });
    await expect.poll(() => page.getByTestId('request-initiator').textContent()).toContain('the browser itself');
    // The lab's host rules send every other name nowhere: it failed to resolve, as expected.
    expect(await page.getByTestId('request-outcome').textContent()).toContain('ERR_NAME_NOT_RESOLVED');
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-netlog-own-request-en.png') });
  });

  it('in Korean too', async () => {
    const { page } = w;
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await page.getByTestId('language').selectOption('ko');
    try {
      await row('www.naver.com/').locator('rect.seg-ssl').last().click({ force: true });
      await expect
        .poll(() => page.getByTestId('no-processes').textContent())
        .toContain('이 파일에는 프로세스도 메시지도 없습니다');
      expect(await page.getByTestId('explain-topic').textContent()).toBe('TLS 핸드셰이크');
      expect(await page.getByTestId('request-panel').textContent()).toContain('요청');
      await page.screenshot({ path: path.join(ARTIFACTS, 'import-netlog-ko.png') });
    } finally {
      await page.getByTestId('language').selectOption('en');
    }
  });

  it('opens a HAR dropped on the window: its requests, timings, TLS and HTTP heads', async () => {
    const { page } = w;
    const text = readFileSync(recording.har, 'utf8');
    await page.evaluate((har) => {
      const data = new DataTransfer();
      data.items.add(new File([har], 'chromium.har', { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        document.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }, text);
    await expect.poll(() => page.getByTestId('replay-banner').textContent()).toMatch(/HAR “chromium\.har”/);
    expect(await page.getByTestId('drop-overlay').count()).toBe(0);
    for (const label of ['www.naver.com/', 'naver.css', 'search.js', 'analytics.js', 'logo.png'])
      await expect.poll(() => row(label).count(), { message: `a waterfall row for ${label}` }).toBe(1);
    const navigation = row('www.naver.com/');
    await navigation.locator('rect.seg-waiting-for-server-response').first().click({ force: true });
    expect(await page.getByTestId('request-outcome').textContent()).toContain('200 OK');
    // Playwright's _securityDetails: the TLS version of the connection, new or reused.
    expect(await page.getByTestId('request-tls').textContent()).toContain('TLS 1.3');
    await expect.poll(() => page.getByTestId('http-raw-response').textContent()).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(await page.getByTestId('http-panel').textContent()).toContain('Rebuilt from the header lines');
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-har-en.png') });
    await page.getByTestId('language').selectOption('ko');
    try {
      await expect.poll(() => page.getByTestId('http-panel').textContent()).toContain('HTTP 요청과 응답 헤더');
      await page.screenshot({ path: path.join(ARTIFACTS, 'import-har-ko.png') });
    } finally {
      await page.getByTestId('language').selectOption('en');
    }
  });

  it('refuses a file it cannot read with the reason, and goes back to live', async () => {
    const { page } = w;
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['{"log": {"entries": "none"}}'], 'broken.har'));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await expect
      .poll(() => page.getByTestId('trace-file-problem').textContent())
      .toBe('Cannot open broken.har: not a HAR: "log.entries" is a string, expected a list');
    await page.getByTestId('back-to-live').click();
    await expect.poll(() => page.getByTestId('replay-banner').count()).toBe(0);
    expect(await page.getByTestId('process-diagram').count()).toBe(1);
    expect(w.problems).toEqual([]);
  });
});
