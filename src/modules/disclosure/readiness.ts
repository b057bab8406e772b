import type { Lang } from '../../platform/i18n/i18n.js'
import { trailTo, type PublicEvidence } from '../portal/index.js'
import { orgBase, type Crumb } from '../../platform/ui/menu.js'
import type { Registry } from '../../platform/module/registry.js'
import rulesFile from './evidence-rules.json' with { type: 'json' }
import type { OitFramework, OitItem } from './framework.js'
import { toThaiDigits } from '../../platform/thai/numerals.js'

// Readiness of one agency for one year's OIT: for every item, the public pages, posts, documents,
// attachments and links that answer it, and whether that makes it มี / ไม่มี / incomplete; then the
// predicted sub-indicator and indicator scores with the framework's grouping. Pure: the caller
// supplies the content, staff notes and which other modules' pages respond.

export type Rule = {
  titleIncludes: string[]
  pages?: string[]
  modulePages?: string[]
  requires?: 'units' | 'executives' | 'contact' | 'profile.dutiesMd' | 'profile.privacyMd' | 'profile.socialLinks'
  /**
   * The evidence source (platform contract) whose check says whether the module page shows the
   * year's content; its record id is the fiscal year (e.g. "complaints.statistics" for 2567).
   */
  moduleSource?: string
  postCategory?: string
  acceptFiscalYears?: number[] | null
}
export const RULES = rulesFile.rules as Rule[]
const DEFAULT_ACCEPT = rulesFile.defaultAcceptFiscalYears as number[]

export type EvidenceKind = 'page' | 'module' | 'post' | 'document' | 'file' | 'url' | 'linked'
export type Evidence = {
  kind: EvidenceKind
  label: string
  /** Site path (starts with /) or external URL. */
  href: string
  trail: Crumb[] | null
  fiscalYear: number | null
  /** Present but older than the fiscal years the item accepts. */
  stale: boolean
  /** The link monitor's latest finding for this URL, if any. */
  broken: boolean
  /** Why it does not count for the year although present (its source's content check), or null. */
  problem: string | null
}
/** A content check's verdict in the page's language (from the evidence contract's checks). */
export type ContentCheck = { ok: boolean; reason: string | null }
/** A record linked to the item through the platform's evidence links, checked for the year. */
export type LinkedRecord = { label: string; sourceLabel: string; href: string | null; fiscalYear: number; check: ContentCheck }
export type ItemStatus = 'yes' | 'no' | 'incomplete'
export type ItemReadiness = {
  code: string
  titleTh: string
  subIndicator: string | null
  notes: string[]
  status: ItemStatus
  evidence: Evidence[]
  /** Why the item is not ready (what is missing or does not count); null when it is. */
  reason: string | null
  explanation: string
  autoExplanation: string
  ownerUnitId: string | null
  dueDate: string | null
  url: string
}
export type Scores = {
  subIndicators: { code: string; nameTh: string; indicator: number; score: number; yes: number; total: number }[]
  indicators: { number: number; nameTh: string; score: number | null }[]
  oit: number | null
}

export type ReadinessInput = {
  framework: OitFramework
  lang: Lang
  /** For navigation trails along the agency's public menu. */
  registry: Registry
  org: { slug: string; hasContact: boolean; unitCount: number }
  content: PublicEvidence
  notes: Map<string, { explanation: string; ownerUnitId: string | null; dueDate: string | null; extraUrls: string[] }>
  modulePageOk: (path: string) => boolean
  brokenUrls: Set<string>
  /** Content checks of tagged posts and documents (`post:<id>`, `document:<id>`) for their own year. */
  contentChecks?: Map<string, ContentCheck>
  /** Content checks of other modules' pages for this year (by path), from their `moduleSource`. */
  moduleChecks?: Map<string, ContentCheck>
  /** Records linked to each item (by code) for this year through the platform's evidence links. */
  linked?: Map<string, LinkedRecord[]>
}

export function rulesFor(item: OitItem): Rule[] {
  return RULES.filter((r) => r.titleIncludes.every((w) => item.titleTh.includes(w)))
}

/** Which fiscal years a document for this item may carry (null: any year). */
export function acceptedYears(item: OitItem, year: number): number[] | null {
  let accept: number[] | null | undefined
  for (const r of rulesFor(item)) if (r.acceptFiscalYears !== undefined) accept = r.acceptFiscalYears
  if (accept === null) return null
  return (accept ?? DEFAULT_ACCEPT).map((o) => year + o)
}

const round2 = (x: number) => Math.round(x * 100 + Number.EPSILON) / 100

export function itemUrl(slug: string, year: number, code: string) {
  return `${orgBase(slug)}/oit/${year}/${code}`
}

const yearText = (lang: Lang, y: number) => (lang === 'th' ? toThaiDigits(String(y)) : String(y))

/** The map's sentence for an item that is not ready: the first thing that keeps it from counting. */
function whyNotReady(lang: Lang, year: number, ev: Evidence[]): string {
  const th = lang === 'th'
  const checked = ev.find((e) => e.problem !== null && !e.stale)
  if (checked) {
    const head = th ? `เอกสารที่เชื่อมไว้ไม่มีเนื้อหาของปีงบประมาณ ${yearText(lang, year)}` : `The linked evidence has no content for fiscal year ${year}`
    return checked.problem ? `${head} (${checked.label}: ${checked.problem})` : `${head} (${checked.label})`
  }
  const stale = ev.find((e) => e.stale)
  if (stale) return th ? `มีเฉพาะข้อมูลของปีงบประมาณ ${yearText(lang, stale.fiscalYear ?? year)} ซึ่งเก่ากว่าที่ข้อนี้กำหนด` : `Only evidence of fiscal year ${stale.fiscalYear ?? year}, older than the item requires`
  if (ev.some((e) => e.broken)) return th ? 'ลิงก์หลักฐานใช้งานไม่ได้' : 'The evidence links are broken'
  return th ? `ยังไม่มีหลักฐานของปีงบประมาณ ${yearText(lang, year)}` : `No evidence for fiscal year ${year} yet`
}

export function computeReadiness(input: ReadinessInput): { items: ItemReadiness[]; scores: Scores } {
  const { framework: fw, lang, org, content } = input
  const year = fw.fiscalYear
  const base = orgBase(org.slug)
  const oitTrail = (item: OitItem): Crumb[] => [
    ...trailTo(input.registry, lang, org.slug, { path: '/oit' })!,
    { label: lang === 'th' ? `ปีงบประมาณ ${year}` : `Fiscal year ${year}`, href: `${base}/oit/${year}` },
    { label: `${item.code} ${item.titleTh}`, href: itemUrl(org.slug, year, item.code) },
  ]
  const requirementMet = (req: Rule['requires']): boolean => {
    switch (req) {
      case undefined:
        return true
      case 'units':
        return org.unitCount > 0
      case 'executives':
        return content.executiveCount > 0
      case 'contact':
        return org.hasContact
      case 'profile.dutiesMd':
        return !!content.profile?.dutiesMd.trim()
      case 'profile.privacyMd':
        return !!content.profile?.privacyMd.trim()
      case 'profile.socialLinks':
        return (content.profile?.socialLinks.length ?? 0) > 0
    }
  }

  const items: ItemReadiness[] = fw.items.map((item) => {
    const rules = rulesFor(item)
    const accept = acceptedYears(item, year)
    const fresh = (fy: number) => accept === null || accept.includes(fy)
    const ev: Evidence[] = []
    const add = (e: Omit<Evidence, 'broken' | 'problem'> & { problem?: string | null }) => {
      if (!ev.some((x) => x.href === e.href)) ev.push({ ...e, problem: e.problem ?? null, broken: input.brokenUrls.has(e.href) })
    }
    const problemOf = (key: string) => {
      const c = input.contentChecks?.get(key)
      return c && !c.ok ? (c.reason ?? (lang === 'th' ? 'ไม่มีเนื้อหา' : 'no content')) : null
    }
    for (const r of rules) {
      for (const p of r.pages ?? []) {
        if (!requirementMet(r.requires)) continue
        if (r.postCategory) {
          const posts = content.posts.filter((x) => x.category === r.postCategory)
          if (!posts.length) continue
          const hasFresh = posts.some((x) => fresh(x.fiscalYear))
          add({ kind: 'page', label: trailTo(input.registry, lang, org.slug, { path: p })?.at(-1)?.label ?? p, href: base + p, trail: trailTo(input.registry, lang, org.slug, { path: p }), fiscalYear: null, stale: !hasFresh })
        } else add({ kind: 'page', label: trailTo(input.registry, lang, org.slug, { path: p })?.at(-1)?.label ?? p, href: base + p, trail: trailTo(input.registry, lang, org.slug, { path: p }), fiscalYear: null, stale: false })
      }
      for (const raw of r.modulePages ?? []) {
        const p = raw.replace('{year}', String(year))
        const check = input.moduleChecks?.get(p)
        const problem = check && !check.ok ? (check.reason ?? '') : null
        if (input.modulePageOk(p)) add({ kind: 'module', label: item.titleTh, href: base + p, trail: trailTo(input.registry, lang, org.slug, { path: p.replace(/\?.*$/, '') }) ?? oitTrail(item), fiscalYear: r.moduleSource ? year : null, stale: false, problem })
      }
    }
    // Tagged content of this year or earlier years counts; earlier than accepted shows as stale.
    const tagged = (codes: string[], fy: number) => codes.includes(item.code) && fy <= year
    for (const p of content.posts.filter((x) => tagged(x.oitCodes, x.fiscalYear))) {
      const problem = problemOf(`post:${p.id}`)
      add({ kind: 'post', label: p.title, href: `${base}/news/${p.id}`, trail: trailTo(input.registry, lang, org.slug, { post: p }), fiscalYear: p.fiscalYear, stale: !fresh(p.fiscalYear), problem })
      for (const f of p.files) add({ kind: 'file', label: f.name, href: `${base}/files/${f.id}/${encodeURIComponent(f.name)}`, trail: [...(trailTo(input.registry, lang, org.slug, { post: p }) ?? []), { label: f.name, href: `${base}/files/${f.id}/${encodeURIComponent(f.name)}` }], fiscalYear: p.fiscalYear, stale: !fresh(p.fiscalYear), problem })
    }
    for (const d of content.documents.filter((x) => tagged(x.oitCodes, x.fiscalYear))) {
      const problem = problemOf(`document:${d.id}`)
      add({ kind: 'document', label: d.title, href: `${base}/documents/${d.id}`, trail: trailTo(input.registry, lang, org.slug, { document: d }), fiscalYear: d.fiscalYear, stale: !fresh(d.fiscalYear), problem })
      if (d.url) add({ kind: 'url', label: d.title, href: d.url, trail: trailTo(input.registry, lang, org.slug, { document: d }), fiscalYear: d.fiscalYear, stale: !fresh(d.fiscalYear), problem })
    }
    // Records linked through the platform picker, for this year; internal ones have no address.
    for (const l of input.linked?.get(item.code) ?? []) {
      const href = l.href ?? `#linked-${ev.length}`
      add({ kind: 'linked', label: l.label, href, trail: null, fiscalYear: l.fiscalYear, stale: false, problem: l.check.ok ? null : (l.check.reason ?? '') })
    }
    const note = input.notes.get(item.code)
    for (const u of note?.extraUrls ?? []) add({ kind: 'url', label: u, href: u, trail: oitTrail(item), fiscalYear: null, stale: false })
    const current = ev.filter((e) => !e.stale && !e.broken && e.problem === null)
    const status: ItemStatus = current.length ? 'yes' : ev.length ? 'incomplete' : 'no'
    const reason = status === 'yes' ? null : whyNotReady(lang, year, ev)
    const first = current[0] ?? ev[0]
    const autoExplanation = first
      ? lang === 'th'
        ? `เผยแพร่บนเว็บไซต์หน่วยงาน: ${(first.trail ?? oitTrail(item)).map((c) => c.label).join(' → ')}`
        : `Published on the agency website: ${(first.trail ?? oitTrail(item)).map((c) => c.label).join(' → ')}`
      : ''
    return {
      code: item.code,
      titleTh: item.titleTh,
      subIndicator: item.subIndicator,
      notes: item.notes,
      status,
      evidence: ev,
      reason,
      explanation: note?.explanation || autoExplanation,
      autoExplanation,
      ownerUnitId: note?.ownerUnitId ?? null,
      dueDate: note?.dueDate ?? null,
      url: itemUrl(org.slug, year, item.code),
    }
  })

  const yes = new Set(items.filter((i) => i.status === 'yes').map((i) => i.code))
  const subIndicators: Scores['subIndicators'] = []
  const indicators: Scores['indicators'] = fw.indicators.map((ind) => {
    const subs = ind.subIndicators.filter((s) => s.itemCodes.length > 0)
    for (const s of subs) {
      const n = s.itemCodes.filter((c) => yes.has(c)).length
      subIndicators.push({ code: s.code, nameTh: s.nameTh, indicator: ind.number, score: round2((100 * n) / s.itemCodes.length), yes: n, total: s.itemCodes.length })
    }
    const scores = subIndicators.filter((s) => s.indicator === ind.number).map((s) => s.score)
    return { number: ind.number, nameTh: ind.nameTh, score: scores.length ? round2(scores.reduce((a, b) => a + b, 0) / scores.length) : null }
  })
  const scored = indicators.filter((i) => i.score !== null).map((i) => i.score!)
  return { items, scores: { subIndicators, indicators, oit: scored.length ? round2(scored.reduce((a, b) => a + b, 0) / scored.length) : null } }
}
