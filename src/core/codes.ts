/**
 * The catalog of diagnostic codes. Codes are stable and searchable: a caseworker
 * can quote one to the agency's data person, and tests assert them.
 *
 * CP10xx  reading a file (size, encoding, what it is)
 * CP11xx  YAML and front-matter syntax
 * CP12xx  a record against its schema (case-format.md)
 * CP13xx  checks across fields and files
 * CP20xx  templates (Handlebars)
 * CP21xx  the Markdown a template renders
 * CP30xx  writing documents (PDF, DOCX, files)
 */
export const CODES = {
  CP1001: { severity: 'error', summary: 'the file could not be read' },
  CP1002: { severity: 'error', summary: 'the file is larger than casepress reads' },
  CP1003: { severity: 'error', summary: 'the file is not UTF-8 text (binary, UTF-16, another encoding, control characters)' },
  CP1004: { severity: 'error', summary: 'the file is empty' },
  CP1005: { severity: 'error', summary: 'a folder stands where a file is expected' },
  CP1006: { severity: 'error', summary: 'a symbolic link that loops or points nowhere' },
  CP1007: { severity: 'warning', summary: 'the file starts with a UTF-8 byte order mark' },
  CP1008: { severity: 'error', summary: 'a required file is missing' },
  CP1009: { severity: 'warning', summary: 'a file or folder casepress does not read' },
  CP1010: { severity: 'error', summary: 'the case root has no agency.yaml or is not a case root' },
  CP1011: { severity: 'error', summary: 'a symbolic link that leads out of the case root' },
  CP1101: { severity: 'error', summary: 'YAML syntax error' },
  CP1102: { severity: 'error', summary: 'a key appears twice in one mapping' },
  CP1103: { severity: 'error', summary: 'too many YAML aliases (possible alias bomb), or YAML nested too deep' },
  CP1104: { severity: 'error', summary: 'more than one YAML document in a file' },
  CP1105: { severity: 'error', summary: 'a tab character used for indentation' },
  CP1106: { severity: 'error', summary: 'the file does not hold a mapping of fields' },
  CP1107: { severity: 'error', summary: 'a Markdown note without front matter' },
  CP1108: { severity: 'warning', summary: 'a YAML tag casepress ignores' },
  CP1109: { severity: 'error', summary: 'a YAML version other than 1.2 (%YAML 1.1 would read yes as true)' },
  CP1110: { severity: 'error', summary: 'a key written as a list or a mapping' },
  CP1201: { severity: 'error', summary: 'a required field is missing' },
  CP1202: { severity: 'error', summary: 'a value of the wrong type' },
  CP1203: { severity: 'error', summary: 'not a calendar date in YYYY-MM-DD form' },
  CP1204: { severity: 'error', summary: 'not one of the allowed values' },
  CP1205: { severity: 'error', summary: 'a field the format does not have' },
  CP1206: { severity: 'error', summary: 'not a valid id' },
  CP1207: { severity: 'error', summary: 'a number or list out of range' },
  CP1208: { severity: 'error', summary: 'text in the wrong form (zip code, last four digits, state, time zone…)' },
  CP1301: { severity: 'error', summary: 'the folder name differs from the record id' },
  CP1302: { severity: 'error', summary: 'a staff id not listed in agency.yaml' },
  CP1303: { severity: 'error', summary: 'a home id with no folder under homes/' },
  CP1304: { severity: 'error', summary: 'dates in the wrong order' },
  CP1305: { severity: 'error', summary: 'a placement that ends before it starts' },
  CP1306: { severity: 'error', summary: 'placements that overlap or are out of order' },
  CP1307: { severity: 'error', summary: 'a prior episode discharged before its removal or after the current one' },
  CP1308: { severity: 'warning', summary: 'a plan review more than 6 months after the plan date' },
  CP1309: { severity: 'warning', summary: 'a youth 14 or older who did not take part in planning' },
  CP1310: { severity: 'error', summary: 'the same id used twice' },
  CP1311: { severity: 'error', summary: 'a referenced asset file is missing' },
  CP1312: { severity: 'error', summary: 'a folder name that is not a valid id' },
  CP1313: { severity: 'error', summary: 'a case id with no folder under children/' },
  CP1314: { severity: 'warning', summary: 'location_confidential: false beside a no-contact order' },
  CP1315: { severity: 'error', summary: 'a treatment passage fence (:::treatment … :::) that is unbalanced or written wrong' },
  CP1316: { severity: 'error', summary: 'a treatment passage fence in a field or file that cannot hold one' },
  CP1317: { severity: 'warning', summary: 'a kin_of case id with no folder under children/' },
  CP1318: { severity: 'error', summary: "preferences.ages outside the license's ages" },
  CP1319: { severity: 'warning', summary: "preferences.sibling_group_max above the license's capacity" },
  CP1320: { severity: 'error', summary: 'an image under assets/ that cannot be printed: not a PNG or JPEG by its content, damaged, or over the size limits' },
  CP2001: { severity: 'error', summary: 'a template syntax error' },
  CP2002: { severity: 'error', summary: 'a helper that does not exist' },
  CP2003: { severity: 'error', summary: 'a template field the data does not have' },
  CP2004: { severity: 'error', summary: 'a value printed without a formatting helper (it could change the document structure)' },
  CP2005: { severity: 'error', summary: 'a partial that does not exist' },
  CP2006: { severity: 'error', summary: 'a helper given the wrong kind of value' },
  CP2101: { severity: 'error', summary: 'Markdown the document tree does not support (in a template, or a narrative checked by validate)' },
  CP2102: { severity: 'error', summary: 'an unknown directive (:::name)' },
  CP2103: { severity: 'error', summary: 'a directive attribute that is missing or wrong' },
  CP2104: { severity: 'error', summary: 'an image that is not available' },
  CP3001: { severity: 'error', summary: 'an output file could not be written' },
  CP3002: { severity: 'error', summary: 'a document could not be rendered (font, image)' },
  CP3003: { severity: 'error', summary: 'two documents would be written to the same file' },
  CP3004: { severity: 'error', summary: 'rendering a document stopped unexpectedly (a fault in casepress; the other documents were built)' },
  CP3005: { severity: 'error', summary: 'a court copy fails its e-filing profile (`--preflight`): it is not written' },
} as const satisfies Record<string, { severity: 'error' | 'warning'; summary: string }>;

export type Code = keyof typeof CODES;
