/**
 * NavigationController: the tab's session history (its NavigationEntries) and the
 * index of the current one.
 */
export interface NavigationEntry {
  url: string;
  title: string;
}

export class NavigationController {
  readonly entries: NavigationEntry[] = [];
  index = -1;

  get current(): NavigationEntry | null {
    return this.entries[this.index] ?? null;
  }

  canGoBack(): boolean {
    return this.index > 0;
  }

  canGoForward(): boolean {
    return this.index < this.entries.length - 1;
  }

  entryAt(offset: number): NavigationEntry | null {
    return this.entries[this.index + offset] ?? null;
  }

  /** Records a committed navigation: a new entry (dropping forward history), or a move within history. */
  didCommit(url: string, transition: 'typed' | 'link' | 'reload' | 'back_forward', historyOffset: number): void {
    if (transition === 'reload' && this.current) {
      this.current.url = url;
      return;
    }
    if (transition === 'back_forward' && this.entries[this.index + historyOffset]) {
      this.index += historyOffset;
      this.entries[this.index]!.url = url;
      return;
    }
    this.entries.splice(this.index + 1);
    this.entries.push({ url, title: '' });
    this.index = this.entries.length - 1;
  }

  setTitle(title: string): void {
    if (this.current) this.current.title = title;
  }

  /** Restores saved history (no page is loaded: the entries are there for back and forward). */
  restore(entries: NavigationEntry[], index: number): void {
    this.entries.splice(0, this.entries.length, ...entries.map((e) => ({ url: e.url, title: e.title })));
    this.index = index;
  }

  snapshot(): { entries: NavigationEntry[]; index: number } {
    return { entries: this.entries.map((e) => ({ ...e })), index: this.index };
  }
}
