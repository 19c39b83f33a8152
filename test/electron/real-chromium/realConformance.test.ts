/**
 * Conformance: the model against the real Chromium CI installs, on the same lab input.
 * For www.naver.com, /render/corb, a redirect chain and a download, every navigation
 * message Chromium sends must be in the model, in the same order, except for the
 * differences listed with a reason in shared/real/realModelDifferences.ts.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Lab } from '../../../electron/lab/lab.js';
import { type RealComparisonRun, runRealComparison } from '../../../electron/hosts/node/realComparisonRunner.js';
import { KNOWN_DIFFERENCES } from '../../../shared/real/realModelDifferences.js';
import { CHROMIUM, describeWithChromium } from '../support/chromiumSuite.js';
import { temporaryFolder } from '../../support/temporaryFolder.js';

const INPUTS = [
  'www.naver.com',
  'https://www.naver.com/render/corb',
  'https://www.naver.com/redirect-chain/2',
  'https://www.naver.com/download/report.zip',
] as const;

describeWithChromium('NavScope’s model beside real Chromium (conformance)', () => {
  let lab: Lab;
  const runs = new Map<string, RealComparisonRun>();

  beforeAll(async () => {
    lab = await Lab.start({ dataDir: null });
    for (const input of INPUTS)
      runs.set(
        input,
        await runRealComparison(input, {
          lab,
          executablePath: CHROMIUM,
          dataDir: null,
          downloadsDir: temporaryFolder('navscope-conformance-downloads-'),
        }),
      );
  }, 240_000);

  afterAll(async () => {
    await lab?.stop();
  });

  it.each(INPUTS)(
    '%s: every real navigation message is in the model, in Chromium’s order, or listed with a reason',
    (input) => {
      const { comparison } = runs.get(input)!;
      expect(comparison.real.names.length).toBeGreaterThan(0);
      expect(comparison.unexplained.map((d) => d.en)).toEqual([]);
    },
  );

  it('www.naver.com: at least 90 % of the real navigation message names are in the model, the commit acknowledged by a reply', () => {
    const { comparison } = runs.get('www.naver.com')!;
    expect(comparison.shares.realInModel).toBeGreaterThanOrEqual(0.9);
    expect(comparison.pairs).toContainEqual(
      expect.objectContaining({ name: 'NavigationClient.CommitNavigation (reply)', status: 'both' }),
    );
    // Both sides' process decisions name a real pid.
    expect(comparison.processes.model.pid).toBeGreaterThan(0);
    expect(comparison.processes.real.pid).toBeGreaterThan(0);
    // Phases and requests are side by side: the page's own request has a timing on both.
    expect(comparison.phases.find((p) => p.phase === 'commit')).toMatchObject({
      modelMicros: expect.any(Number),
      realMicros: expect.any(Number),
    });
    const page = comparison.requests.find((r) => r.url === 'https://www.naver.com/static/naver.css')!;
    expect(page.model?.durationMicros).toBeGreaterThan(0);
    expect(page.real?.durationMicros).toBeGreaterThan(0);
  });

  it('keeps one table of known differences, each with its reason in English and Korean', () => {
    const names = KNOWN_DIFFERENCES.map((d) => `${d.kind} ${d.name}`);
    expect(new Set(names).size).toBe(names.length);
    for (const d of KNOWN_DIFFERENCES) {
      expect(d.en.length).toBeGreaterThan(30);
      expect(d.ko).toMatch(/[가-힣]/);
    }
  });
});
