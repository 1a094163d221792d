/** Zero-based, end-exclusive source offsets into a template's text. */
export interface SourceRange {
  start: number;
  end: number;
}
