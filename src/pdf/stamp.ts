/**
 * Chromium writes the time of printing into every PDF (/CreationDate, /ModDate), which would make
 * two builds of the same content differ. The dates are replaced, byte for byte in place so the
 * cross-reference offsets stay right, with the notice's own date.
 */
const datePattern = /\/(CreationDate|ModDate) \(D:(\d{14})/gu

/** `2021-04-15` → `20210415000000`; no date gives 2000-01-01, a fixed stand-in. */
function pdfDigits(isoDate: string | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(isoDate ?? '')
  return match ? `${match[1]}${match[2]}${match[3]}000000` : '20000101000000'
}

export function stampPdfDates(pdf: Uint8Array, isoDate: string | undefined): Uint8Array {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
  const digits = pdfDigits(isoDate)
  const stamped = text.replace(datePattern, (_match, key: string) => `/${key} (D:${digits}`)
  return new Uint8Array(Buffer.from(stamped, 'latin1'))
}
