import { chromium } from 'playwright-core';
const url = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(url);
await page.getByTestId('trace-file-input').setInputFiles('/tmp/big.json');
await page.waitForFunction(() => (document.querySelector('[data-testid=position]')?.textContent ?? '').includes('of 10079'), undefined, { timeout: 60000 });
const res = await page.evaluate(async () => {
  const after = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
  const out = [];
  for (let i = 0; i < 300; i++) {
    const t0 = performance.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    await after();
    const t1 = performance.now();
    void document.documentElement.offsetHeight;
    const t2 = performance.now();
    const title = document.querySelector('.explain h3, .explain .event-title, [data-testid=explanation] h3')?.textContent ?? '';
    const name = document.querySelector('.sequence-row.selected .col-name, .sequence-row.current .col-name')?.textContent ?? '';
    out.push([t1 - t0, t2 - t1, name || title]);
  }
  return out;
});
const sorted = [...res].sort((a, b) => b[0] + b[1] - a[0] - a[1]);
for (const r of sorted.slice(0, 25)) console.log(r[0].toFixed(1), r[1].toFixed(1), r[2]);
const tot = res.map((r) => r[0] + r[1]).sort((a, b) => a - b);
console.log('median', tot[150].toFixed(1), 'p95', tot[285].toFixed(1));
await browser.close();
