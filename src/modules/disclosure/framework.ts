import type { Db } from '../../db/client.js'
import { oitFramework, type OitFramework } from '../../domain/ita/oit.js'
import { currentFramework, frameworkYears } from '../assessment/index.js'

export type { OitFramework, OitItem } from '../../domain/ita/oit.js'

/**
 * The OIT part of a year's framework (the current version, through the assessment module, which
 * also knows versions uploaded by the platform admin), or null when the year has no valid framework.
 */
export async function loadOitFramework(db: Db, year: number): Promise<OitFramework | null> {
  const v = await currentFramework(db, year).catch(() => null)
  return v ? oitFramework(v.framework) : null
}

/** Fiscal years with a framework (built in or uploaded), newest first. */
export async function oitYears(db: Db): Promise<number[]> {
  return [...(await frameworkYears(db))].sort((a, b) => b - a)
}
