import { describe, expect, it } from 'vitest';
import { messages, navigateAndCollect, ofType, useLabSession } from '../support/browserHarness.js';

describe("the lab's row of ordinary sites", () => {
  const session = useLabSession();

  it('loads www.site1-lab.com and www.site2-lab.com, each a site of its own in its own renderer process', async () => {
    const first = await navigateAndCollect(session(), 'www.site1-lab.com');
    expect(first.result.outcome).toBe('loaded');
    expect(messages(first.events, 'LocalFrameHost.UpdateTitle')[0]?.summary).toBe('"Site 1 — NavScope lab"');
    // Delegated from com to a name server under net: the resolver looks that name up first.
    expect(ofType(first.events, 'dns.query').map((q) => q.question.name)).toContain('ns1.sites-lab.net');
    const second = await navigateAndCollect(session(), 'www.site2-lab.com');
    expect(second.result.outcome).toBe('loaded');
    const assigned = [...ofType(first.events, 'process.assigned'), ...ofType(second.events, 'process.assigned')];
    // Each process is assigned when its navigation starts (speculatively) and taken at commit.
    expect([...new Set(assigned.map((a) => a.site))]).toEqual(['https://site1-lab.com', 'https://site2-lab.com']);
    expect(assigned.filter((a) => a.how === 'speculative')).toHaveLength(4);
    expect(new Set(assigned.map((a) => a.processId)).size).toBe(2);
  });
});
