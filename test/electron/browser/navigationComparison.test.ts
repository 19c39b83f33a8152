import { describe, expect, it } from 'vitest';
import { compareNavigations, summarizeNavigations } from '../../../shared/trace/navigationComparison.js';
import { navigateAndCollect, useLabSession } from '../support/browserHarness.js';

describe('comparing a cold and a warm load of www.naver.com', () => {
  const session = useLabSession();

  it('marks what the second load reused: DNS from the host cache, sockets or the HTTP cache, the renderer process', async () => {
    await navigateAndCollect(session(), 'www.naver.com');
    await navigateAndCollect(session(), 'www.naver.com');
    const navigations = summarizeNavigations(session().browser.recorder.events);
    expect(navigations).toHaveLength(2);
    const [cold, warm] = navigations as [(typeof navigations)[0], (typeof navigations)[0]];
    expect(cold.url).toBe('https://www.naver.com/');
    expect(warm.url).toBe('https://www.naver.com/');
    expect(cold.outcome).toBe('committed');
    expect(Object.keys(cold.phases)).toEqual(expect.arrayContaining(['handle-input', 'network', 'commit', 'load']));
    expect(cold.newConnections).toBeGreaterThan(warm.newConnections);

    const differences = compareNavigations(cold, warm);
    expect(differences.find((d) => d.kind === 'dns' && d.what === 'www.naver.com')).toMatchObject({
      a: 'recursive',
      b: 'cache',
    });
    expect(differences.find((d) => d.kind === 'process')?.b).toMatch(/^reused/);
    const requestChanges = differences.filter((d) => d.kind === 'request');
    expect(requestChanges.length).toBeGreaterThan(0);
    // Which subresource gets which socket depends on timing (a warm load may still need one more
    // connection when its loads overlap differently); reuse itself must show.
    expect(requestChanges.some((change) => /HTTP cache|reused socket/.test(change.b))).toBe(true);
    expect(differences.filter((d) => d.kind === 'phase').map((d) => d.what)).toEqual(
      expect.arrayContaining(['Network', 'Load']),
    );
  });
});
