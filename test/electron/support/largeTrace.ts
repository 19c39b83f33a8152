/**
 * A long trace without a thousand real navigations: the events of one real navigation
 * recorded again and again (fresh sequence numbers and times) until the recorder holds
 * `count` events, as a web host does after a long day of use.
 */
import type { BrowserSession } from '../../../electron/hosts/node/browserSession.js';
import type { TraceRecord } from '../../../shared/trace/traceEvent.js';

export async function fillTrace(session: BrowserSession, count: number): Promise<void> {
  const { recorder, webContents } = session.browser;
  if (recorder.events.length === 0 || !recorder.events.some((e) => e.type === 'navigation.end'))
    await webContents.navigateFromOmnibox('www.naver.com');
  const sample = recorder.events.slice();
  let shift = 0;
  while (recorder.events.length < count) {
    shift += 10_000_000;
    for (const event of sample) {
      if (recorder.events.length >= count) break;
      const { seq: _seq, ...record } = event;
      recorder.record({ ...record, ts: record.ts + shift } as TraceRecord);
    }
  }
}
