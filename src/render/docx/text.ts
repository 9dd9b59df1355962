/**
 * Text from the data made safe for XML: characters XML 1.0 forbids (control
 * characters, U+FFFE/U+FFFF, lone surrogates) are dropped, so a stray byte in a
 * case note can never make Word refuse the file.
 */

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whether a text may need cleaning: most hold no control character and no surrogate. */
const SUSPECT = /[\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text for a run: forbidden characters dropped, tabs and line ends as spaces (a hard break is its own node). */
export function cleanText(value: string): string {
  return SUSPECT.test(value) ? value.replace(FORBIDDEN, '').replace(/\r\n|[\t\n\r]/g, ' ') : value;
}

/** Text for docProps/core.xml: cleaned, and escaped for XML. */
export function escapeXml(value: string): string {
  return cleanText(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
