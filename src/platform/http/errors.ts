import type { Lang } from '../i18n/i18n.js'

export type Localized = Record<Lang, string>

/**
 * An expected failure (bad request, not allowed, not found, …). Rendered by the app's error
 * handler as a page or JSON in the user's language. Anything else thrown is a bug → 500.
 */
export class AppError extends Error {
  constructor(
    readonly code: 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'csrf' | 'rate_limited' | 'payload_too_large' | 'unsupported_media_type',
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly detail?: Localized,
  ) {
    super(detail?.en ?? code)
  }
}
