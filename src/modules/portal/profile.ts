import { inOrg, type Db } from '../../db/client.js'
import { assertCan } from '../../platform/auth/permissions.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { invalidatePublicCache } from '../../platform/http/page-cache.js'
import { portalProfiles, type PortalProfile, type SocialLink } from './portal.schema.js'
import { audit } from './audit.js'

// The agency's profile: the about pages' text, policies, map, survey and social links.

export async function getProfile(db: Db, orgId: string): Promise<PortalProfile | null> {
  const [p] = await inOrg(db, orgId, (tx) => tx.select().from(portalProfiles))
  return p ?? null
}

export type ProfileInput = Omit<PortalProfile, 'orgId' | 'updatedAt'>

export async function saveProfile(ctx: UseCaseCtx, input: ProfileInput): Promise<void> {
  assertCan(ctx.actor, 'portal.edit')
  const orgId = ctx.orgId!
  await inOrg(ctx.db, orgId, async (tx) => {
    await tx
      .insert(portalProfiles)
      .values({ orgId, ...input })
      .onConflictDoUpdate({ target: portalProfiles.orgId, set: { ...input, updatedAt: new Date() } })
    await audit(tx, ctx, 'portal.profile.update', 'portal_profile', orgId)
  })
  invalidatePublicCache(orgId)
}

/** "label | https://…" lines → links; null when a line does not read that way. */
export function parseSocialLinks(text: string): SocialLink[] | null {
  const out: SocialLink[] = []
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const m = /^(.{1,80}?)\s*\|\s*(https?:\/\/\S{3,500})$/.exec(line)
    if (!m) return null
    out.push({ label: m[1]!, url: m[2]! })
  }
  return out
}

/** The social links as the form shows them (the inverse of parseSocialLinks). */
export const socialLinksText = (links: SocialLink[]) => links.map((s) => `${s.label} | ${s.url}`).join('\n')
