/**
 * The one way the DOCX writer fails: a tree it cannot print (an image that is
 * missing or not a PNG/JPEG, a date that is not YYYY-MM-DD). It carries the
 * diagnostic code, so the build turns it into a CP3002 diagnostic rather than
 * a stack trace.
 */
export class DocxRenderError extends Error {
  readonly code = 'CP3002' as const;

  constructor(message: string) {
    super(message);
    this.name = 'DocxRenderError';
  }
}
