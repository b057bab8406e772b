import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import { PublicLayout } from '../../../platform/ui/layout.js'
import { orgBase } from '../../../platform/ui/menu.js'
import { t as platformT } from '../../../platform/i18n/messages.js'
import { POLICY_PAGES } from '../menu.js'
import { pt } from '../portal.i18n.js'
import type { PortalPost, PortalProfile } from '../portal.schema.js'
import { PostList } from './news.js'

export const HomePage = (p: { ctx: OrgPageCtx; announcements: PortalPost[]; news: PortalPost[]; profile: PortalProfile | null }) => {
  const { ctx, profile } = p
  const org = ctx.org
  const base = orgBase(org.slug)
  const L = ctx.lang
  const name = L === 'en' && org.nameEn ? org.nameEn : org.nameTh
  return (
    <PublicLayout ctx={ctx} title={pt(L, 'menu.home')}>
      <h1>{platformT(L, 'org.home.welcome', { name })}</h1>
      <p>{platformT(L, 'org.home.location', { district: org.district, province: org.province })}</p>
      <section aria-labelledby="quick">
        <h2 id="quick">{pt(L, 'home.quickLinks')}</h2>
        <ul class="quick-links">
          <li><a href={`${base}/complaints/new`}>{pt(L, 'home.complaint')}</a></li>
          {profile?.surveyUrl && <li><a href={profile.surveyUrl} rel="noopener noreferrer">{pt(L, 'home.survey')}</a></li>}
          <li><a href={`${base}/qa`}>{pt(L, 'home.ask')}</a></li>
          <li><a href={`${base}/oit`}>{pt(L, 'home.oit')}</a></li>
        </ul>
      </section>
      <div class="two-col">
        <section aria-labelledby="latest-ann">
          <h2 id="latest-ann">{pt(L, 'home.latestAnnouncements')}</h2>
          <PostList ctx={ctx} posts={p.announcements} />
          <p><a href={`${base}/news/c/announcement`}>{pt(L, 'home.more')}<span class="visually-hidden"> {pt(L, 'cat.announcement')}</span></a></p>
        </section>
        <section aria-labelledby="latest-news">
          <h2 id="latest-news">{pt(L, 'home.latestNews')}</h2>
          <PostList ctx={ctx} posts={p.news} />
          <p><a href={`${base}/news/c/pr`}>{pt(L, 'home.more')}<span class="visually-hidden"> {pt(L, 'cat.pr')}</span></a></p>
        </section>
      </div>
      <section aria-labelledby="policies">
        <h2 id="policies">{pt(L, 'home.policies')}</h2>
        <ul class="inline-list">
          {POLICY_PAGES.map((x) => <li><a href={`${base}/${x}`}>{pt(L, `about.${x}`)}</a></li>)}
          <li><a href={`${base}/sitemap`}>{pt(L, 'menu.sitemap')}</a></li>
          <li><a href={`${base}/opendata`}>{pt(L, 'feeds.openData')}</a></li>
        </ul>
      </section>
    </PublicLayout>
  )
}
