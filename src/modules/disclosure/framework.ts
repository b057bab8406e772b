import type { Db } from '../../db/client.js'
import { oitFramework, type OitFramework } from '../../domain/ita/oit.js'
import { currentFiscalYear } from '../../platform/thai/fiscal-year.js'
import { currentFramework, frameworkYears } from '../assessment/index.js'

export type { OitFramework, OitItem } from '../../domain/ita/oit.js'

/**
 * The OIT part of a year's framework (the current version, through the assessment module, which
 * also knows versions uploaded by the platform admin), or null when the year has no valid framework.
 *
 * A year after the newest framework, up to the current fiscal year (2570 while NACC has published
 * nothing for it), is read with the newest framework: the result says so in `basedOnFiscalYear`
 * and every page shows it. Years before the first framework, or in the future, stay null.
 */
export async function loadOitFramework(db: Db, year: number, now: Date = new Date()): Promise<OitFramework | null> {
  const v = await currentFramework(db, year).catch(() => null)
  if (v) return oitFramework(v.framework)
  if (year > currentFiscalYear(now)) return null
  const latest = (await frameworkYears(db)).filter((y) => y < year).at(-1)
  if (latest === undefined) return null
  const base = await currentFramework(db, latest).catch(() => null)
  return base ? { ...oitFramework(base.framework), fiscalYear: year, basedOnFiscalYear: latest } : null
}

/** Fiscal years with a framework (built in or uploaded), newest first. */
export async function oitYears(db: Db): Promise<number[]> {
  return [...(await frameworkYears(db))].sort((a, b) => b - a)
}

/**
 * Years the public OIT map offers, newest first: every year with a framework and every later year
 * up to the current fiscal year (read with the newest framework).
 */
export async function oitMapYears(db: Db, now: Date = new Date()): Promise<number[]> {
  const years = await oitYears(db)
  const newest = years[0]
  const current = currentFiscalYear(now)
  const later = newest === undefined ? [] : Array.from({ length: Math.max(0, current - newest) }, (_, i) => current - i)
  return [...later, ...years]
}
