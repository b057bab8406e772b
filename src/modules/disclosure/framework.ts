import { readdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { currentFramework } from '../assessment/index.js'

// The OIT part of a year's ITA framework, from the assessment module (built-in
// data/frameworks/<year>.json or a newer uploaded version). Only what disclosure needs is read,
// tolerantly, so a richer framework keeps working. Nothing about a year's items is written in code.

const DIR = fileURLToPath(new URL('../../../data/frameworks/', import.meta.url))

const Notes = z.union([z.string(), z.object({ notes: z.array(z.string()).optional() }).loose(), z.array(z.string())]).optional()
const Raw = z
  .object({
    fiscalYear: z.number().int(),
    indicators: z.array(
      z
        .object({
          number: z.number().int(),
          tool: z.string(),
          nameTh: z.string(),
          subIndicators: z.array(z.object({ code: z.string(), nameTh: z.string(), itemCodes: z.array(z.string()).optional() }).loose()).default([]),
        })
        .loose(),
    ),
    oitItems: z.array(
      z
        .object({
          code: z.string().regex(/^O\d{1,3}$/),
          titleTh: z.string(),
          subIndicator: z.string().nullable().optional(),
          evidenceNotes: Notes,
          evidence: Notes,
        })
        .loose(),
    ),
  })
  .loose()

export type OitItem = { code: string; titleTh: string; subIndicator: string | null; notes: string[] }
export type OitSubIndicator = { code: string; nameTh: string; itemCodes: string[] }
export type OitIndicator = { number: number; nameTh: string; subIndicators: OitSubIndicator[] }
export type OitFramework = { fiscalYear: number; items: OitItem[]; indicators: OitIndicator[] }

const notesOf = (n: z.infer<typeof Notes>): string[] => (!n ? [] : typeof n === 'string' ? (n ? [n] : []) : Array.isArray(n) ? n : (n.notes ?? []))

export function toOitFramework(raw: unknown): OitFramework {
  const f = Raw.parse(raw)
  const items: OitItem[] = f.oitItems.map((i) => ({ code: i.code, titleTh: i.titleTh, subIndicator: i.subIndicator ?? null, notes: [...notesOf(i.evidenceNotes), ...notesOf(i.evidence)].filter(Boolean) }))
  const indicators: OitIndicator[] = f.indicators
    .filter((i) => i.tool.toLowerCase() === 'oit')
    .map((i) => ({
      number: i.number,
      nameTh: i.nameTh,
      subIndicators: i.subIndicators.map((s) => ({ code: s.code, nameTh: s.nameTh, itemCodes: s.itemCodes?.length ? s.itemCodes : items.filter((it) => it.subIndicator === s.code).map((it) => it.code) })),
    }))
  return { fiscalYear: f.fiscalYear, items, indicators }
}

const converted = new WeakMap<object, OitFramework>()

/**
 * The OIT framework of a fiscal year (the current version, through the assessment module, which
 * also knows versions uploaded by the platform admin), or null when the year has no framework.
 */
export async function loadOitFramework(db: Db, year: number): Promise<OitFramework | null> {
  const v = await currentFramework(db, year)
  if (!v) return null
  let fw = converted.get(v.framework)
  if (!fw) {
    fw = toOitFramework(v.framework)
    converted.set(v.framework, fw)
  }
  return fw
}

/** Fiscal years with a built-in framework file, newest first. */
export async function frameworkYears(): Promise<number[]> {
  const files = await readdir(DIR).catch(() => [] as string[])
  return files.map((f) => /^(\d{4})\.json$/.exec(f)?.[1]).filter((y): y is string => !!y).map(Number).sort((a, b) => b - a)
}
