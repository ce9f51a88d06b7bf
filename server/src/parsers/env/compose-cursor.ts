import type { ComposeReader, ComposeStatement } from './compose-scanner.js';

/**
 * Walks the Compose statements of a file alongside the dotenv matches. Both come in file
 * order, so each statement is read once and none is kept longer than needed.
 */
export class ComposeCursor {
  private current: ComposeStatement | undefined;
  private previous: ComposeStatement | undefined;
  /**
   * First statement Docker Compose rejects, where Compose stops reading. A `${NAME:?}` whose
   * variable is missing from the file does not count, because the shell may set it.
   */
  firstError: ComposeStatement | undefined;
  /** The statement just before `firstError`. */
  beforeFirstError: ComposeStatement | undefined;

  constructor(private readonly reader: ComposeReader) {
    this.advance();
  }

  /** Returns the statement that starts at `offset`, if any, passing over those before it. */
  statementAt(offset: number): ComposeStatement | undefined {
    while (this.current !== undefined && this.current.start < offset) this.advance();
    return this.current !== undefined && this.current.start === offset ? this.current : undefined;
  }

  /** Reads on until the first rejected statement is known or the file ends. */
  findFirstError(): ComposeStatement | undefined {
    while (this.firstError === undefined && this.current !== undefined) this.advance();
    return this.firstError;
  }

  private advance(): void {
    this.previous = this.current;
    this.current = this.reader.next();
    const error = this.current?.error;
    if (this.firstError !== undefined || error === undefined) return;
    if (error.kind !== 'required-variable') {
      this.firstError = this.current;
      this.beforeFirstError = this.previous;
    }
  }
}
