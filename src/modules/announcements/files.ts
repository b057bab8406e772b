// The platform's file store, as this module uses it (one place for the import and the PDF rule).
export { putFile, getFile, getFileMeta, fileHeaders } from '../../platform/files/files.service.js'
export type { CheckedFile, FileRule } from '../../platform/http/forms.js'

/** A signed scan: a PDF of at most 10 MB (the type is checked from the content). */
export const SCAN_RULE = { maxBytes: 10 * 1024 * 1024, types: { 'application/pdf': 'PDF' } } as const
