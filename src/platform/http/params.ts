import type { Context } from 'hono'
import { fromThaiDigits } from '../thai/index.js'
import { AppError } from './errors.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const isUuid = (s: string): boolean => UUID.test(s)

/** A route parameter that must be a UUID, else 404 (never a database error). */
export function uuidParam(c: Context, name = 'id'): string {
  const v = c.req.param(name) ?? ''
  if (!isUuid(v)) throw new AppError('not_found', 404)
  return v
}

/** A route parameter that must be a Buddhist-era fiscal year (2500–2700), else 404. */
export function yearParam(c: Context, name = 'fy'): number {
  const raw = c.req.param(name) ?? ''
  const y = /^\d{4}$/.test(raw) ? Number(raw) : NaN
  if (!(y >= 2500 && y <= 2700)) throw new AppError('not_found', 404)
  return y
}

/** An optional fiscal year (พ.ศ. 2500–2700, four digits) from the query string: undefined when absent, else 404 when not a year. */
export function yearQuery(c: Context, name = 'fy'): number | undefined {
  const raw = c.req.query(name)
  if (raw === undefined || raw === '') return undefined
  const y = /^\d{4}$/.test(raw) ? Number(raw) : NaN
  if (!(y >= 2500 && y <= 2700)) throw new AppError('not_found', 404)
  return y
}

/** A fiscal-year filter from a list page's query string (Thai or Arabic digits): the year, or undefined when absent or not a year — a filter is forgiving, never an error. */
export function yearFilter(c: Context, name = 'fy'): number | undefined {
  const raw = fromThaiDigits(c.req.query(name) ?? '')
  const y = /^\d{4}$/.test(raw) ? Number(raw) : NaN
  return y >= 2500 && y <= 2700 ? y : undefined
}

/** A positive whole number from the query string (page numbers, ids), else the fallback. */
export function intQuery(c: Context, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = c.req.query(name)
  if (!raw || !/^\d{1,15}$/.test(raw)) return fallback
  const n = Number(raw)
  return n >= 1 && n <= max ? n : fallback
}

/** Free text typed into a search box: control characters (a NUL would be a database error) become spaces, runs of space collapse, at most `max` characters. */
export function cleanSearchText(raw: string | undefined, max = 200): string {
  return (raw ?? '').replace(/[\p{Cc}\ufffe\uffff]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, max).trim()
}

/** A search box from the query string, cleaned as above; undefined when empty. */
export const searchQuery = (c: Context, name = 'q', max = 200): string | undefined => cleanSearchText(c.req.query(name), max) || undefined

/** Lines of a textarea → ordered items (empty lines dropped). */
export const linesToList = (s: string | undefined): string[] =>
  (s ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
