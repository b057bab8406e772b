import { sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { ceToBe, fiscalYearOf, fromIsoDate, toThaiDigits } from '../../platform/thai/index.js'
import rule from './numbering.json' with { type: 'json' }
import type { AnnouncementKind } from './announcements.schema.js'

// Numbers are given on publication, per kind and numbering year, from a counter that only goes
// up: a withdrawn announcement keeps its number and the number is never given again.
// When the numbering year starts is data with its source (numbering.json): the calendar year.

export const NUMBERING = rule as { restarts: 'calendar_year' | 'fiscal_year'; note: string; source: string; unverified: string[] }

/** The numbering year (B.E.) of a signing date. */
export function numberYearOf(isoDay: string): number {
  return NUMBERING.restarts === 'fiscal_year' ? fiscalYearOf(isoDay) : ceToBe(fromIsoDate(isoDay).year)
}

/**
 * The next number of a kind in a year (race-safe: the counter row is the lock). It is never below
 * a number already given, so records written without the counter (imports) cannot be numbered twice.
 */
export async function nextNumber(tx: Tx, orgId: string, kind: AnnouncementKind, numberYear: number): Promise<number> {
  const taken = sql`(SELECT coalesce(max(number), 0) + 1 FROM announcements WHERE org_id = ${orgId} AND kind = ${kind} AND number_year = ${numberYear})`
  const rows = await tx.execute<{ last_number: number }>(sql`
    INSERT INTO announcement_counters (org_id, kind, number_year, last_number) VALUES (${orgId}, ${kind}, ${numberYear}, ${taken})
    ON CONFLICT (org_id, kind, number_year) DO UPDATE SET last_number = GREATEST(announcement_counters.last_number + 1, ${taken})
    RETURNING last_number`)
  return Number(rows.rows[0]!.last_number)
}

/** "๑๒/๒๕๖๖" (Thai digits where the agency prints them). */
export function numberText(a: { number: number | null; numberYear: number | null }, thaiDigits: boolean): string | null {
  if (!a.number || !a.numberYear) return null
  const s = `${a.number}/${a.numberYear}`
  return thaiDigits ? toThaiDigits(s) : s
}
