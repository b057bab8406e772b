import type { Lang } from '../i18n/i18n.js'

export type Localized = Record<Lang, string>

/** The platform's own error codes; modules add `<module>.<code>` codes in their manifest's `errors`. */
export type PlatformErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'csrf'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unavailable'

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503

/**
 * An expected failure (bad request, not allowed, not found, …). Rendered by the app's error
 * handler as a page or JSON in the user's language. Anything else thrown is a bug → 500.
 */
export class AppError extends Error {
  constructor(
    readonly code: PlatformErrorCode | `${string}.${string}`,
    readonly status: ErrorStatus,
    readonly detail?: Localized,
  ) {
    super(detail?.en ?? code)
  }
}

/**
 * Bad input found by a use case (beyond what the form schema checks), or a conflict with stored
 * data: field → message. Routes that use `formAction` re-render the same form with these errors,
 * the values kept, with status 422 (or 409 for conflicts).
 */
export class InputError extends Error {
  constructor(
    readonly errors: Record<string, Localized>,
    readonly status: 409 | 413 | 415 | 422 = 422,
  ) {
    super(Object.values(errors)[0]?.en ?? 'invalid input')
  }
}
