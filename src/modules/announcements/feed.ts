import { summary } from '../../platform/ui/markdown.js'
import { announcementsT } from './announcements.i18n.js'
import type { PublicAnnouncement } from './announcements.service.js'
import { numberText } from './numbering.js'

// The public announcements as RSS 2.0 (a pure builder; the route reads the records).

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')

/** `base` is the site's absolute address, e.g. https://example.org/o/<slug>. Withdrawn ones say so. */
export function announcementsRss(agency: string, base: string, rows: PublicAnnouncement[]): string {
  const items = rows
    .map((a) => {
      const no = numberText(a, false)
      const title = `${announcementsT('th', `kind.${a.kind}`)}${no ? ` ที่ ${no}` : ''} เรื่อง ${a.subject}${a.status === 'withdrawn' ? ` (${announcementsT('th', 'public.withdrawn')})` : ''}`
      const url = `${base}/announcements/${a.id}`
      const date = a.publishedAt ?? new Date(`${a.signedOn}T00:00:00+07:00`)
      return `<item><title>${xml(title)}</title><link>${url}</link><guid isPermaLink="true">${url}</guid><category>${xml(announcementsT('th', `kind.${a.kind}`))}</category><pubDate>${date.toUTCString()}</pubDate><description>${xml(summary(a.body, 500))}</description></item>`
    })
    .join('')
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>${xml(`${announcementsT('th', 'public.title')} ${agency}`)}</title><link>${base}/announcements</link><atom:link href="${base}/announcements/feed.rss" rel="self" type="application/rss+xml"/><description>${xml(announcementsT('th', 'public.title'))}</description><language>th</language>${items}</channel></rss>`
}
