/**
 * Why a file could not be opened: one sentence that names the problem (and the limit,
 * when one was hit). The window shows it as it is; the CLI prints it after the file name.
 */
export class ImportError extends Error {
  /** A fault of NavScope's while reading (an exception the importers did not expect), not of the file. */
  internal = false;

  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
