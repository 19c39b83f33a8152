/**
 * The messages of a navigation as conversations, to tell whether two runs sent the
 * same messages (a stepped run against a normal one, a replay against its source).
 *
 * Independent loads run concurrently, so two correct runs can interleave them
 * differently, and a body arrives in as many DataPipe chunks as the socket reads
 * happen to give. What must match is each conversation on its own: every loader
 * (named by its URL, not its run-specific request id), every subresource the frame
 * reports (by URL), and the frame's own messages in order — with each run of
 * DataPipe.Write counted as one. The first visually non-empty paint is a conversation of
 * its own: when it comes among the frame's messages depends on when the render-blocking
 * stylesheets arrive.
 */
import { fieldOf } from '../base/fields.js';
import { roleOf } from '../ipc/endpoints.js';
import type { TraceEvent, TraceEventOf } from './traceEvent.js';

export type MessageConversations = Map<string, string[]>;

const DATA_PIPE_WRITE = 'DataPipe.Write';
const FIRST_PAINT = 'LocalMainFrameHost.DidFirstVisuallyNonEmptyPaint';
const FRAME_RESOURCE_MESSAGES = new Set(['FrameHost.SubresourceResponseStarted', 'FrameHost.ResourceLoadComplete']);

function roleOfEndpoint(endpoint: string): string {
  return roleOf(endpoint) ?? endpoint;
}

/** One message as a conversation line: its name and the roles of both ends (pids and process numbers differ between runs). */
function lineOf(message: TraceEventOf<'message'>): string {
  const reply = message.replyTo !== undefined || message.real?.isReply === true ? ' (reply)' : '';
  return `${message.name}${reply} ${roleOfEndpoint(message.from)}→${roleOfEndpoint(message.to)}`;
}

export function messageConversations(events: readonly TraceEvent[]): MessageConversations {
  const loaderUrls = new Map<string, string>();
  const conversations: MessageConversations = new Map();
  const add = (key: string, line: string): void => {
    const list = conversations.get(key) ?? [];
    // A run of body chunks is one step of the conversation, however the bytes were cut.
    if (line.startsWith(DATA_PIPE_WRITE) && list[list.length - 1] === line) return;
    list.push(line);
    conversations.set(key, list);
  };
  for (const event of events) {
    if (event.type !== 'message') continue;
    if (event.name === 'URLLoaderFactory.CreateLoaderAndStart' && event.route) {
      const url = fieldOf(fieldOf(event.payload, 'request'), 'url');
      if (typeof url === 'string') loaderUrls.set(event.route, url);
    }
    if (event.route) {
      add(`loader ${loaderUrls.get(event.route) ?? event.route}`, lineOf(event));
      continue;
    }
    if (FRAME_RESOURCE_MESSAGES.has(event.name)) {
      const url = fieldOf(event.payload, 'url');
      add(`frame resource ${typeof url === 'string' ? url : '?'}`, lineOf(event));
      continue;
    }
    if (event.name === FIRST_PAINT) {
      add('frame first paint', lineOf(event));
      continue;
    }
    add('frame', lineOf(event));
  }
  return conversations;
}

/** What differs between two runs' conversations, one line each; empty when they sent the same messages. */
export function compareMessageSequences(expected: readonly TraceEvent[], actual: readonly TraceEvent[]): string[] {
  const a = messageConversations(expected);
  const b = messageConversations(actual);
  const differences: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const left = a.get(key);
    const right = b.get(key);
    if (!left) differences.push(`${key}: only in the second run (${right?.join(', ')})`);
    else if (!right) differences.push(`${key}: only in the first run (${left.join(', ')})`);
    else {
      const at = left.findIndex((line, i) => line !== right[i]);
      const index = at === -1 && left.length !== right.length ? Math.min(left.length, right.length) : at;
      if (index !== -1)
        differences.push(
          `${key}: message ${index + 1} is ${left[index] ?? '(none)'} in the first run, ${right[index] ?? '(none)'} in the second`,
        );
    }
  }
  return differences;
}
