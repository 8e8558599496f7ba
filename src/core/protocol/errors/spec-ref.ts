// Where a rule is written, as data: a document, a section and, for numbered lists, the item.

/**
 * A reference into a specification, for example RFC 9449 §4.3 item 9 (the `htu` check).
 * Structured so a UI can link it without parsing text.
 */
export interface SpecRef {
  /** The document, for example "RFC 9449" or "WHATWG URL". */
  doc: string
  /** The section inside it, for example "4.3" or "Appendix B". */
  section: string
  /** The numbered item inside the section, for RFCs that number their checks (RFC 9449 §4.3). */
  item?: number
}

/** Builds a {@link SpecRef}; `item` is left out when there is none. */
export const specRef = (doc: string, section: string, item?: number): SpecRef =>
  item === undefined ? { doc, section } : { doc, section, item }

/** "RFC 9449 §4.3 (9)": the short form used in text, logs and the README. */
export function formatSpecRef(spec: SpecRef): string {
  const section = /^\d/.test(spec.section) ? `§${spec.section}` : spec.section
  return `${spec.doc} ${section}${spec.item === undefined ? '' : ` (${spec.item})`}`
}
