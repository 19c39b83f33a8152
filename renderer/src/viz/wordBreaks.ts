/**
 * Where a long name may break across lines. `Interface.Method` names and dotted
 * hosts are longer than a narrow column; with Korean's `word-break: keep-all` the
 * browser would otherwise cut them anywhere (…CommitNavigati|on). The text is split
 * after each dot that joins two names, and the view puts a <wbr> between the parts:
 * a name breaks at its dot, or not at all.
 */
export function breakableParts(text: string): string[] {
  return text.split(/(?<=[A-Za-z]\.)(?=[A-Z][a-z])/);
}
