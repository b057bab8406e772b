import { and, eq, inArray, notInArray, sql } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { users } from '../../platform/auth/auth.schema.js'
import { AppError } from '../../platform/http/errors.js'
import type { AppDeps, UseCaseCtx } from '../../platform/http/context.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { queueMail } from '../../platform/mail/mail.js'
import { listUnitsOf } from '../../platform/orgs/orgs.service.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { getPublicFile, publicEvidence, type PublicEvidence } from '../portal/index.js'
import { evidenceFor } from '../../platform/evidence/evidence.service.js'
import type { EvidenceCheck } from '../../platform/module/manifest.js'
import { itemRef, OIT_ITEM_TARGET } from './evidence-target.js'
import { invalidatePublicCache } from '../../platform/http/page-cache.js'
import { orgBase } from '../../platform/ui/menu.js'
import { linkChecks, oitItemNotes } from './disclosure.schema.js'
import { dt } from './disclosure.i18n.js'
import { loadOitFramework, type OitFramework } from './framework.js'
import { computeReadiness, RULES, type ContentCheck, type ItemReadiness, type LinkedRecord, type Scores } from './readiness.js'
import { safeFetch, type SafeFetchOptions } from './ssrf.js'

export type Probe = (path: string) => Promise<boolean>
export type OitMap = { framework: OitFramework; items: ItemReadiness[]; scores: Scores }

/** Paths of other modules' pages that may answer items of this year (from the rules data). */
export function modulePagesFor(fw: OitFramework): string[] {
  return [...new Set(RULES.flatMap((r) => r.modulePages ?? []).map((p) => p.replace('{year}', String(fw.fiscalYear))))]
}

const checkText = (c: EvidenceCheck, lang: Lang): ContentCheck => ({ ok: c.ok, reason: c.reason ? c.reason[lang] : null })

/**
 * What the evidence contract says about the map's records (docs/decisions/0008): tagged posts and
 * documents checked for real content in their own year (freshness is the rules' business), other
 * modules' pages checked by their declared source for this year, and the records linked to each
 * item for this year. A source a module does not declare (module absent) checks nothing.
 */
async function contractChecks(deps: Pick<AppDeps, 'db' | 'registry'>, org: Org, fw: OitFramework, lang: Lang, content: PublicEvidence, internal: boolean) {
  const year = fw.fiscalYear
  const ctx = { deps: deps as AppDeps, db: deps.db, orgId: org.id, actor: null, requestId: 'oit-map', lang }
  const sources = deps.registry.evidenceSources
  const contentChecks = new Map<string, ContentCheck>()
  const checkTagged = async (kind: 'post' | 'document', list: { id: string; fiscalYear: number; oitCodes: string[] }[]) => {
    const src = sources.get(`portal.${kind}`)
    if (!src) return
    const byYear = new Map<number, string[]>()
    for (const r of list) if (r.oitCodes.length && r.fiscalYear <= year) byYear.set(r.fiscalYear, [...(byYear.get(r.fiscalYear) ?? []), r.id])
    for (const [y, ids] of byYear) for (const [id, c] of await src.check(ctx, ids, y).catch(() => new Map<string, EvidenceCheck>())) contentChecks.set(`${kind}:${id}`, checkText(c, lang))
  }
  const moduleChecks = new Map<string, ContentCheck>()
  const checkModules = async () => {
    for (const r of RULES) {
      const src = r.moduleSource ? sources.get(r.moduleSource) : undefined
      if (!src) continue
      const c = (await src.check(ctx, [String(year)], year).catch(() => new Map<string, EvidenceCheck>())).get(String(year))
      for (const raw of r.modulePages ?? []) moduleChecks.set(raw.replace('{year}', String(year)), c ? checkText(c, lang) : { ok: false, reason: null })
    }
  }
  const linked = new Map<string, LinkedRecord[]>()
  const loadLinked = async () => {
    const found = await evidenceFor(ctx, fw.items.map((i) => ({ type: OIT_ITEM_TARGET, id: itemRef(year, i.code) })))
    for (const i of fw.items) {
      const list = (found.get(`${OIT_ITEM_TARGET}:${itemRef(year, i.code)}`) ?? [])
        // Public maps show public records only; the staff map shows internal ones too.
        .filter((e) => e.record && (internal || e.record.publicPath))
        // OIT counts only what the public can open: an internal record is listed, never counted.
        .map((e): LinkedRecord => ({ label: e.record!.title, sourceLabel: e.sourceLabel, href: e.record!.publicPath, fiscalYear: e.link.fiscalYear, check: e.record!.publicPath ? checkText(e.check, lang) : { ok: false, reason: dt(lang, 'oit.internalNotCounted') } }))
      if (list.length) linked.set(i.code, list)
    }
  }
  await Promise.all([checkTagged('post', content.posts), checkTagged('document', content.documents), checkModules(), loadLinked()])
  return { contentChecks, moduleChecks, linked }
}

/**
 * The OIT map of an agency for a year; null when there is no framework for the year. Public data
 * only, unless `internal` (the staff map): then internal records linked as evidence are listed too.
 */
export async function oitMap(deps: Pick<AppDeps, 'db' | 'registry'>, org: Org, year: number, lang: Lang, probe: Probe, opts: { internal?: boolean } = {}): Promise<OitMap | null> {
  const db = deps.db
  const fw = await loadOitFramework(db, year)
  if (!fw) return null
  const [content, units, notes, broken, moduleOk] = await Promise.all([
    publicEvidence(db, org.id),
    listUnitsOf(db, org.id),
    inOrg(db, org.id, (tx) => tx.select().from(oitItemNotes).where(eq(oitItemNotes.fiscalYear, year))),
    inOrg(db, org.id, (tx) => tx.select({ url: linkChecks.url }).from(linkChecks).where(eq(linkChecks.ok, false))),
    Promise.all(modulePagesFor(fw).map(async (p) => [p, await probe(p).catch(() => false)] as const)),
  ])
  const ok = new Map(moduleOk)
  const checks = await contractChecks(deps, org, fw, lang, content, opts.internal ?? false)
  const c = org.settings.contact ?? {}
  const r = computeReadiness({
    framework: fw,
    lang,
    registry: deps.registry,
    org: { slug: org.slug, hasContact: !!(c.address || c.phone || c.email), unitCount: units.length },
    content,
    notes: new Map(notes.map((n) => [n.itemCode, { explanation: n.explanation, ownerUnitId: n.ownerUnitId, dueDate: n.dueDate, extraUrls: n.extraUrls }])),
    modulePageOk: (p) => ok.get(p) ?? false,
    brokenUrls: new Set(broken.map((b) => b.url)),
    ...checks,
  })
  return { framework: fw, ...r }
}

export type NoteInput = { explanation: string; ownerUnitId: string | null; dueDate: string | null; extraUrls: string[] }

export async function saveItemNote(ctx: UseCaseCtx, year: number, code: string, input: NoteInput): Promise<void> {
  assertCan(ctx.actor, 'oit.edit')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  const fw = await loadOitFramework(ctx.db, year)
  if (!fw || !fw.items.some((i) => i.code === code)) throw new AppError('not_found', 404)
  await inOrg(ctx.db, orgId, async (tx) => {
    const values = { ...input, updatedBy: actor.userId, updatedAt: new Date() }
    await tx.insert(oitItemNotes).values({ orgId, fiscalYear: year, itemCode: code, ...values }).onConflictDoUpdate({ target: [oitItemNotes.orgId, oitItemNotes.fiscalYear, oitItemNotes.itemCode], set: values })
    await appendAudit(tx, { orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'oit.item.update', entityType: 'oit_item', entityId: `${year}:${code}`, requestId: ctx.requestId, details: { ...input } })
  })
  invalidatePublicCache(orgId)
}

export async function listLinkChecks(ctx: UseCaseCtx) {
  assertCan(ctx.actor, 'oit.read')
  return inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(linkChecks).orderBy(linkChecks.url))
}

export const SLOW_MS = 3000

export type LinkCheckOptions = {
  /** Origin for the agency's own pages, e.g. https://prongsai.example or http://127.0.0.1:3000. */
  siteOrigin: string
  probe: Probe
  fetch?: SafeFetchOptions
  years?: number[]
  /** Whether to e-mail a digest of broken links to the agency's admins. */
  digest?: boolean
}

export type LinkResult = { url: string; ok: boolean; status: number | null; ms: number; error: string | null }

async function mapLimit<T, R>(list: T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(list.length)
  let i = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, list.length) }, async () => {
      while (i < list.length) {
        const k = i++
        out[k] = await fn(list[k]!)
      }
    }),
  )
  return out
}

/**
 * Checks every evidence URL and attachment of the agency's OIT maps: external links are fetched
 * through the SSRF guard, attachments are read back from storage, other modules' pages are probed.
 * Results replace the previous ones; broken links go out in an e-mail digest.
 */
export async function runLinkCheck(deps: AppDeps, org: Org, opts: LinkCheckOptions): Promise<LinkResult[]> {
  const years = opts.years ?? []
  const targets = new Map<string, 'url' | 'file' | 'module'>()
  for (const y of years) {
    const m = await oitMap(deps, org, y, 'th', opts.probe)
    if (!m) continue
    for (const it of m.items)
      for (const e of it.evidence) {
        if (e.kind === 'url') targets.set(e.href, 'url')
        else if (e.kind === 'file') targets.set(e.href, 'file')
      }
    for (const p of modulePagesFor(m.framework)) targets.set(`${orgBase(org.slug)}${p}`, 'module')
  }
  const content = await publicEvidence(deps.db, org.id)
  for (const s of content.profile?.socialLinks ?? []) targets.set(s.url, 'url')
  if (content.profile?.surveyUrl) targets.set(content.profile.surveyUrl, 'url')
  for (const d of content.documents) if (d.url) targets.set(d.url, 'url')

  const results = await mapLimit([...targets], 6, async ([url, kind]): Promise<LinkResult> => {
    const started = performance.now()
    if (kind === 'file') {
      const id = /\/files\/([0-9a-f-]{36})/.exec(url)?.[1] ?? ''
      const f = await getPublicFile(deps.db, org.id, id)
      const ok = !!f && f.data.length === f.size && f.size > 0
      return { url, ok, status: ok ? 200 : 404, ms: Math.round(performance.now() - started), error: ok ? null : 'attachment missing' }
    }
    if (kind === 'module') {
      const ok = await opts.probe(url.slice(orgBase(org.slug).length)).catch(() => false)
      return { url, ok, status: ok ? 200 : 404, ms: Math.round(performance.now() - started), error: ok ? null : 'page not available' }
    }
    const r = await safeFetch(url, opts.fetch)
    return { url, ok: r.ok, status: r.status, ms: r.ms, error: r.error }
  })

  // Module pages that do not exist yet are gaps on the map, not broken links.
  const stored = results.filter((r) => targets.get(r.url) !== 'module')
  await inOrg(deps.db, org.id, async (tx) => {
    if (stored.length) {
      for (const r of stored)
        await tx
          .insert(linkChecks)
          .values({ orgId: org.id, url: r.url, ok: r.ok, status: r.status, ms: r.ms, error: r.error, checkedAt: new Date() })
          .onConflictDoUpdate({ target: [linkChecks.orgId, linkChecks.url], set: { ok: r.ok, status: r.status, ms: r.ms, error: r.error, checkedAt: new Date() } })
      await tx.delete(linkChecks).where(notInArray(linkChecks.url, stored.map((r) => r.url)))
    } else await tx.delete(linkChecks)
    const bad = stored.filter((r) => !r.ok || r.ms > SLOW_MS)
    if (opts.digest !== false && bad.length) {
      const admins = await tx.select({ email: users.email }).from(users).where(and(inArray(users.role, ['agency_admin']), sql`disabled_at IS NULL`))
      const lines = bad.map((r) => `- ${r.url}\n  ${r.ok ? `ช้า ${r.ms} ms` : `เสีย: ${r.error ?? r.status}`}`).join('\n')
      for (const a of admins)
        await queueMail(tx, {
          orgId: org.id,
          to: a.email,
          subject: `[${org.nameTh}] ลิงก์หลักฐาน OIT ที่ต้องแก้ไข ${bad.length} รายการ`,
          text: `ระบบตรวจลิงก์พบลิงก์หลักฐานที่เสียหรือช้า:\n\n${lines}\n\nดูรายละเอียด: ${opts.siteOrigin}${orgBase(org.slug)}/admin/oit\n`,
        })
    }
    await appendAudit(tx, { orgId: org.id, actorLabel: 'link-monitor', action: 'oit.links.check', entityType: 'org', entityId: org.id, details: { checked: results.length, broken: stored.filter((r) => !r.ok).length } })
  })
  return results
}

/** A probe for other modules' pages: a GET to our own server, bounded, cached briefly. */
export function selfProbe(origin: string, slug: string): Probe {
  return async (path) => {
    const key = `${origin}${orgBase(slug)}${path}`
    const hit = probeCache.get(key)
    if (hit && Date.now() - hit.at < 60_000) return hit.ok
    let ok = false
    try {
      const r = await fetch(key, { redirect: 'manual', signal: AbortSignal.timeout(1500), headers: { 'user-agent': 'Prongsai-Probe/1.0' } })
      ok = r.status === 200
      await r.body?.cancel()
    } catch {
      ok = false
    }
    probeCache.set(key, { ok, at: Date.now() })
    return ok
  }
}
const probeCache = new Map<string, { ok: boolean; at: number }>()
