import type { Db } from '../../db/client.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { listUnitsOf } from '../../platform/orgs/orgs.service.js'
import { markdownToText } from '../../platform/ui/markdown.js'
import { ABOUT_PAGES, POLICY_PAGES } from './menu.js'
import { pt } from './portal.i18n.js'
import { getProfile } from './profile.js'
import { listExecutives } from './executives.js'
import type { PortalProfile } from './portal.schema.js'
import type { SitePage } from './search.js'

type ProfileText = keyof PortalProfile & `${string}Md`
/** The profile field each text page shows; the others are built from other records (units, executives, contact). */
export const PROFILE_FIELD: Partial<Record<(typeof ABOUT_PAGES)[number] | (typeof POLICY_PAGES)[number], ProfileText>> = {
  history: 'historyMd',
  vision: 'visionMd',
  duties: 'dutiesMd',
  accessibility: 'accessibilityMd',
  privacy: 'privacyMd',
  cookies: 'cookiesMd',
}

/**
 * The text of the agency's pages that are not records (about, structure, executives, contact,
 * policies), read the way each page shows it (labels included: "โทรศัพท์" finds the contact page),
 * so the search finds them. Built at search time from the same records the pages show, so it is
 * never stale; search answers are cached like every public page.
 */
export async function sitePages(db: Db, org: Org, lang: Lang): Promise<SitePage[]> {
  const [profile, units, executives] = await Promise.all([getProfile(db, org.id), listUnitsOf(db, org.id), listExecutives(db, org.id)])
  const contact = org.settings.contact ?? {}
  const out: SitePage[] = []
  for (const page of [...ABOUT_PAGES, ...POLICY_PAGES]) {
    const path = (ABOUT_PAGES as readonly string[]).includes(page) ? `/about/${page}` : `/${page}`
    const field = PROFILE_FIELD[page]
    let text = ''
    if (field) text = markdownToText(profile?.[field] ?? '')
    else if (page === 'structure') text = units.map((u) => (lang === 'en' && u.nameEn ? u.nameEn : u.nameTh)).join(' · ')
    else if (page === 'executives') text = executives.map((e) => `${e.name} ${e.position}`).join(' · ')
    else if (page === 'contact')
      text = [
        contact.address && `${pt(lang, 'contact.address')} ${contact.address}`,
        contact.phone && `${pt(lang, 'contact.phone')} ${contact.phone}`,
        contact.email && `${pt(lang, 'contact.email')} ${contact.email}`,
        contact.officeHours && `${pt(lang, 'contact.hours')} ${contact.officeHours}`,
        ...(profile?.socialLinks ?? []).map((s) => s.label),
      ]
        .filter(Boolean)
        .join(' · ')
    out.push({ path, title: pt(lang, `about.${page}`), text })
  }
  return out
}
