import { type MessageName, REPLY_SUFFIX, isMessageName, messageCatalogue } from '../ipc/messageCatalogue.js';

/**
 * Which of NavScope's own messages (shared/ipc/messageCatalogue.ts) models a real
 * Chromium Mojo message, so that the window can explain a real message with the
 * model's explanation. The catalogue names its Mojo messages as Chromium does
 * (`Interface.Method`, a reply as `Interface.Method:reply`), so a real message's
 * counterpart is the catalogue entry of the same interface and method, when the
 * catalogue says it stands for that Mojo method (origin `mojo`; its note names the
 * full mojom name). A real message without one is "not modelled by NavScope".
 */
function shortName(fullName: string): string | null {
  const parts = fullName.split('.');
  if (parts.length < 4 || parts[parts.length - 3] !== 'mojom') return null;
  return `${parts[parts.length - 2]}.${parts[parts.length - 1]}`;
}

/** The catalogue's mojom interface of a Mojo entry, read from its note (`content.mojom.FrameHost.…`). */
function modelledFullName(name: MessageName): string | null {
  const entry = messageCatalogue[name];
  if (entry.origin !== 'mojo') return null;
  const method = entry.replyOf ?? name;
  const match = /\b([a-z_]+\.mojom\.[A-Za-z]+\.[A-Za-z]+)\b/.exec(entry.chromium);
  return match && match[1]!.endsWith(`.${method}`) ? match[1]! : null;
}

/** NavScope's message that models a real one (by its full mojom name), or null when the model has none. */
export function modelCounterpart(fullName: string | null, isReply: boolean): MessageName | null {
  if (fullName === null) return null;
  const short = shortName(fullName);
  if (short === null) return null;
  const key = isReply ? `${short}${REPLY_SUFFIX}` : short;
  if (!isMessageName(key)) return null;
  return modelledFullName(key) === fullName ? key : null;
}

/** Every real method that has a counterpart (for tests and the README). */
export function modelledRealMethods(): { fullName: string; isReply: boolean; counterpart: MessageName }[] {
  const out: { fullName: string; isReply: boolean; counterpart: MessageName }[] = [];
  for (const name of Object.keys(messageCatalogue) as MessageName[]) {
    const fullName = modelledFullName(name);
    if (fullName !== null) out.push({ fullName, isReply: messageCatalogue[name].replyOf !== null, counterpart: name });
  }
  return out;
}
