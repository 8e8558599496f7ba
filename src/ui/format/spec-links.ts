// Splits a spec reference such as "RFC 8693 §2.1, §2.2.2" into text and links to each RFC section.
import { formatSpecRef, type SpecRef } from '../../core/protocol/index.ts'

export type SpecPart = { text: string; href?: string }

// "RFC 8693", "RFC 8693 §2.1", or a bare "§2.2.2" that continues the RFC named before it.
const RFC_REF = /RFC (\d{4,5})(?: §(\d+(?:\.\d+)*))?|§(\d+(?:\.\d+)*)/g

const rfcUrl = (rfc: string, section?: string) =>
  `https://www.rfc-editor.org/rfc/rfc${rfc}${section ? `#section-${section}` : ''}`

/** A structured reference is one part: its short text, linked when the document is an RFC. */
export function specRefParts(spec: SpecRef): SpecPart[] {
  const rfc = /^RFC (\d{4,5})$/.exec(spec.doc)?.[1]
  const section = /^\d+(?:\.\d+)*$/.test(spec.section) ? spec.section : undefined
  const text = formatSpecRef(spec)
  return [rfc ? { text, href: rfcUrl(rfc, section) } : { text }]
}

/** Text references (check logs, the claim registry) are still written as prose with RFC numbers. */
export function specParts(spec: string): SpecPart[] {
  const parts: SpecPart[] = []
  let last = 0
  let currentRfc: string | null = null
  for (const match of spec.matchAll(RFC_REF)) {
    const [text, rfc, section, bareSection] = match
    const at = match.index
    if (rfc) currentRfc = rfc
    const href = rfc ? rfcUrl(rfc, section) : currentRfc ? rfcUrl(currentRfc, bareSection) : undefined
    if (at > last) parts.push({ text: spec.slice(last, at) })
    parts.push(href ? { text, href } : { text })
    last = at + text.length
  }
  if (last < spec.length) parts.push({ text: spec.slice(last) })
  return parts
}
