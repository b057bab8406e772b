import type { PropsWithChildren } from 'hono/jsx'
import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import type { Unit } from '../../../platform/orgs/orgs.schema.js'
import { t as platformT } from '../../../platform/i18n/messages.js'
import { PublicLayout } from '../../../platform/ui/layout.js'
import { orgBase, publicMenuNode } from '../../../platform/ui/menu.js'
import { Markdown } from '../../../platform/ui/prose.js'
import { trailTo, type ABOUT_PAGES, type POLICY_PAGES } from '../menu.js'
import { pt } from '../portal.i18n.js'
import { EXECUTIVE_BRANCHES } from '../portal.forms.js'
import type { PortalExecutive, PortalProfile } from '../portal.schema.js'

export type AboutPageName = (typeof ABOUT_PAGES)[number] | (typeof POLICY_PAGES)[number]

/** /about: the section page lists its children with the menu's labels. */
export const AboutIndexPage = (p: { ctx: OrgPageCtx }) => {
  const { ctx } = p
  const node = publicMenuNode(ctx.registry, '/about')!
  return (
    <PublicLayout ctx={ctx} title={pt(ctx.lang, 'menu.about')} trail={trailTo(ctx.registry, ctx.lang, ctx.org.slug, { path: '/about' })!}>
      <h1>{pt(ctx.lang, 'menu.about')}</h1>
      <ul class="section-links">
        {node.children!.map((n) => <li><a href={orgBase(ctx.org.slug) + n.path}>{n.label[ctx.lang]}</a></li>)}
      </ul>
    </PublicLayout>
  )
}

/** One about or policy page: its title from the menu, its body from the route. */
export const AboutPage = (p: PropsWithChildren<{ ctx: OrgPageCtx; page: AboutPageName; path: string }>) => {
  const title = pt(p.ctx.lang, `about.${p.page}`)
  return (
    <PublicLayout ctx={p.ctx} title={title} trail={trailTo(p.ctx.registry, p.ctx.lang, p.ctx.org.slug, { path: p.path })!}>
      <h1>{title}</h1>
      {p.children}
    </PublicLayout>
  )
}

export const ProfileText = (p: { ctx: OrgPageCtx; md: string | null | undefined }) =>
  p.md && p.md.trim() ? <Markdown md={p.md} /> : <p>{pt(p.ctx.lang, 'about.empty')}</p>

export const UnitTree = (p: { ctx: OrgPageCtx; units: Unit[] }) => {
  const name = (u: Unit) => (p.ctx.lang === 'en' && u.nameEn ? u.nameEn : u.nameTh)
  const org = p.ctx.org
  return (
    <ul class="org-chart">
      <li>
        <strong>{p.ctx.lang === 'en' && org.nameEn ? org.nameEn : org.nameTh}</strong>
        {p.units.length > 0 && (
          <ul>
            {(['office', 'division', 'section'] as const).flatMap((k) =>
              p.units
                .filter((u) => u.kind === k)
                .map((u) => (
                  <li>
                    {name(u)} <span class="muted">({platformT(p.ctx.lang, `unit.kind.${k}`)})</span>
                  </li>
                )),
            )}
          </ul>
        )}
      </li>
    </ul>
  )
}

export const ExecutiveList = (p: { ctx: OrgPageCtx; executives: PortalExecutive[] }) => {
  const { ctx } = p
  if (!p.executives.length) return <p>{pt(ctx.lang, 'about.empty')}</p>
  return (
    <>
      {EXECUTIVE_BRANCHES.map((branch) => {
        const list = p.executives.filter((e) => e.branch === branch)
        return list.length ? (
          <section>
            <h2>{pt(ctx.lang, `about.${branch}`)}</h2>
            <ul class="people">
              {list.map((e) => (
                <li class="person">
                  {e.photoFileId && <img src={`${orgBase(ctx.org.slug)}/files/${e.photoFileId}`} alt={pt(ctx.lang, 'about.photoOf', { name: e.name })} width={160} height={200} loading="lazy" />}
                  <div>
                    <strong>{e.name}</strong>
                    <div>{e.position}</div>
                    {e.phone && <div>{pt(ctx.lang, 'contact.phone')}: {e.phone}</div>}
                    {e.email && <div>{pt(ctx.lang, 'contact.email')}: <a href={`mailto:${e.email}`}>{e.email}</a></div>}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ) : null
      })}
    </>
  )
}

/** Address, phone, e-mail, hours and map from the agency's settings (the profile's map wins), social links. */
export const ContactFacts = (p: { ctx: OrgPageCtx; profile: PortalProfile | null }) => {
  const { ctx, profile } = p
  const contact = ctx.org.settings.contact ?? {}
  const mapUrl = profile?.mapUrl ?? contact.mapUrl
  return (
    <>
      <dl class="facts">
        {contact.address && <><dt>{pt(ctx.lang, 'contact.address')}</dt><dd>{contact.address}</dd></>}
        {contact.phone && <><dt>{pt(ctx.lang, 'contact.phone')}</dt><dd><a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone.replace(/-/g, '\u2011')}</a></dd></>}
        {contact.email && <><dt>{pt(ctx.lang, 'contact.email')}</dt><dd><a href={`mailto:${contact.email}`}>{contact.email}</a></dd></>}
        {contact.officeHours && <><dt>{pt(ctx.lang, 'contact.hours')}</dt><dd>{contact.officeHours}</dd></>}
        {mapUrl && <><dt>{pt(ctx.lang, 'contact.map')}</dt><dd><a href={mapUrl} rel="noopener noreferrer">{pt(ctx.lang, 'contact.openMap')}</a></dd></>}
      </dl>
      {profile && profile.socialLinks.length > 0 && (
        <>
          <h2>{pt(ctx.lang, 'contact.social')}</h2>
          <ul>{profile.socialLinks.map((s) => <li><a href={s.url} rel="noopener noreferrer">{s.label}</a></li>)}</ul>
        </>
      )}
    </>
  )
}
