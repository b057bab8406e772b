import type { FC, PropsWithChildren } from 'hono/jsx'
import type { PageCtx } from './page-context.js'
import { t } from '../i18n/messages.js'
import { CSRF_FIELD } from '../http/csrf.js'
import { assetHref } from '../http/compress.js'
import { platformNavFor, publicNavFor, staffNavFor, type Crumb, type NavLink } from './menu.js'

export type { NavLink, Crumb }

export const CsrfField: FC<{ ctx: PageCtx }> = ({ ctx }) => <input type="hidden" name={CSRF_FIELD} value={ctx.csrf()} />

export const Breadcrumbs: FC<{ ctx: PageCtx; trail: Crumb[] }> = ({ ctx, trail }) =>
  trail.length > 1 ? (
    <nav aria-label={t(ctx.lang, 'nav.breadcrumbs')} class="breadcrumbs">
      <ol>
        {trail.map((c, i) => (
          <li>{i === trail.length - 1 ? <span aria-current="page">{c.label}</span> : <a href={c.href}>{c.label}</a>}</li>
        ))}
      </ol>
    </nav>
  ) : null

function orgName(ctx: PageCtx): string {
  const org = ctx.org
  return org ? (ctx.lang === 'en' && org.nameEn ? org.nameEn : org.nameTh) : t(ctx.lang, 'app.name')
}

/** A <title> short enough for tabs and search results (the page's h1 keeps the full text). */
export function shortTitle(title: string, name: string): string {
  const max = Math.max(20, 67 - name.length)
  return title.length > max ? title.slice(0, max - 1) + '…' : title
}

/** What a link pasted in LINE or Facebook shows: Open Graph tags, a description, the canonical URL. */
export type LinkPreview = { description: string }

type BaseProps = PropsWithChildren<{ ctx: PageCtx; title: string; nav: NavLink[]; trail?: Crumb[] | undefined; footer?: unknown; preview?: LinkPreview | undefined }>

/** Public pages' preview tags (the agency's logo as the image when it has one); the canonical URL is the page without its query (and in Thai unless ?lang=en). */
const PreviewTags: FC<{ ctx: PageCtx; title: string; name: string; preview: LinkPreview }> = ({ ctx, title, name, preview }) => {
  // An agency's home is one page with or without its trailing slash; the menu links "/o/<slug>/".
  const path = ctx.org && ctx.path === `/o/${ctx.org.slug}` ? `${ctx.path}/` : ctx.path
  const url = `${ctx.siteOrigin}${path}${ctx.lang === 'en' ? '?lang=en' : ''}`
  const description = preview.description.replace(/\s+/g, ' ').trim().slice(0, 200)
  return (
    <>
      <meta name="description" content={description} />
      <link rel="canonical" href={url} />
      <meta property="og:type" content="website" />
      <meta property="og:site_name" content={name} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={url} />
      <meta property="og:image" content={ctx.org?.logoFileId ? `${ctx.siteOrigin}/o/${ctx.org.slug}/files/${ctx.org.logoFileId}` : `${ctx.siteOrigin}${assetHref('share.png')}`} />
      <meta property="og:locale" content={ctx.lang === 'en' ? 'en_US' : 'th_TH'} />
      <meta name="twitter:card" content="summary" />
    </>
  )
}

const NavList: FC<{ ctx: PageCtx; nav: NavLink[]; cls?: string }> = ({ ctx, nav, cls }) => (
  <ul class={cls}>
    {nav.map((i) => (
      <li>
        <a href={i.href} aria-current={ctx.path === i.href || ctx.path === i.href + '/' || ctx.path + '/' === i.href ? 'page' : undefined}>
          {i.label}
        </a>
      </li>
    ))}
  </ul>
)

/** The page skeleton every layout shares: header, menu, main content, footer. */
export const BaseLayout: FC<BaseProps> = ({ ctx, title, nav, trail, footer, preview, children }) => {
  const org = ctx.org
  const name = orgName(ctx)
  const signOutAction = ctx.actor?.orgId && org ? `/o/${org.slug}/logout` : '/logout'
  const homeHref = org ? `/o/${org.slug}/` : '/'
  const fullTitle = `${ctx.formFailed ? t(ctx.lang, 'form.errorTitlePrefix') : ''}${title} | ${name}`
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {preview && <PreviewTags ctx={ctx} title={title} name={name} preview={preview} />}
        <link rel="stylesheet" href={assetHref('app.css')} />
        <script src={assetHref('app.js')} defer></script>
        <link rel="preload" href="/static/fonts/sarabun-thai-400-normal.woff2" as="font" type="font/woff2" crossorigin="anonymous" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t(ctx.lang, 'nav.skip')}
        </a>
        <header class="site-header">
          <div class="container bar">
            <a class="brand" href={homeHref}>
              {name}
              {org ? <small>{t(ctx.lang, 'app.name')}</small> : <small>{t(ctx.lang, 'app.tagline')}</small>}
            </a>
            <ul class="top-links">
              <li>
                <a href={ctx.switchLangHref} lang={ctx.lang === 'th' ? 'en' : 'th'} hreflang={ctx.lang === 'th' ? 'en' : 'th'}>
                  {t(ctx.lang, 'nav.switchLang')}
                </a>
              </li>
              {ctx.actor ? (
                <li>
                  <form method="post" action={signOutAction} class="inline-form">
                    <CsrfField ctx={ctx} />
                    <button type="submit" class="link">
                      {t(ctx.lang, 'nav.signOut')} ({ctx.actor.displayName})
                    </button>
                  </form>
                </li>
              ) : org ? (
                <li>
                  <a href={`/o/${org.slug}/login`}>{t(ctx.lang, 'nav.staff')}</a>
                </li>
              ) : null}
            </ul>
          </div>
        </header>
        {nav.length > 0 && (
          <nav class="nav" aria-label={t(ctx.lang, 'nav.main')}>
            <div class="container">
              {/* Wide screens show the menu; phones get it behind a <details> button (no JavaScript
                  needed), so the first screen shows the page. CSS shows one of the two. */}
              <NavList ctx={ctx} nav={nav} cls="nav-wide" />
              <details class="nav-phone">
                <summary>{t(ctx.lang, 'nav.menu')}</summary>
                <NavList ctx={ctx} nav={nav} />
              </details>
            </div>
          </nav>
        )}
        <main id="main" tabindex={-1}>
          <div class="container">
            {trail && <Breadcrumbs ctx={ctx} trail={trail} />}
            {ctx.flash && (
              <p class="notice" role="status">
                {ctx.flash}
              </p>
            )}
            {children}
          </div>
        </main>
        <footer class="site-footer">
          <div class="container">
            {footer}
            <p>{t(ctx.lang, 'footer.text')}</p>
          </div>
        </footer>
      </body>
    </html>
  )
}

type AreaProps = PropsWithChildren<{ ctx: PageCtx; title: string; trail?: Crumb[] | undefined }>
/** A public page may say what it is about (its preview text); else the agency and the site's purpose. */
type PublicProps = AreaProps & { description?: string | undefined }

/** Pages outside any agency (the deployment's home, platform sign-in, errors there). */
export const Layout: FC<AreaProps> = ({ ctx, title, trail, children }) =>
  ctx.org ? (
    <PublicLayout ctx={ctx} title={title} trail={trail}>
      {children}
    </PublicLayout>
  ) : (
    <BaseLayout ctx={ctx} title={title} nav={[]} trail={trail}>
      {children}
    </BaseLayout>
  )

const AgencyContact: FC<{ ctx: PageCtx }> = ({ ctx }) => {
  const c = ctx.org?.settings.contact
  if (!c || !(c.phone || c.email || c.address)) return null
  return (
    <address class="footer-contact">
      <strong>{orgName(ctx)}</strong>
      {c.address && <span>{c.address}</span>}
      {c.phone && (
        <span>
          {t(ctx.lang, 'footer.phone')} <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone.replace(/-/g, '\u2011')}</a>
        </span>
      )}
      {c.email && (
        <span>
          {t(ctx.lang, 'footer.email')} <a href={`mailto:${c.email}`}>{c.email}</a>
        </span>
      )}
    </address>
  )
}

/** An agency's public pages: its public menu (from every module), breadcrumbs, its contact in the footer. */
export const PublicLayout: FC<PublicProps> = ({ ctx, title, trail, description, children }) => (
  <BaseLayout
    ctx={ctx}
    title={shortTitle(title, orgName(ctx))}
    nav={ctx.org ? publicNavFor(ctx.registry, ctx.lang, ctx.org.slug) : []}
    trail={trail}
    footer={<AgencyContact ctx={ctx} />}
    preview={{ description: description ?? `${title} — ${orgName(ctx)}: ${t(ctx.lang, 'meta.description')}` }}
  >
    {children}
  </BaseLayout>
)

/** An agency's staff area: the items of the staff menu this actor may open. */
export const StaffLayout: FC<AreaProps> = ({ ctx, title, trail, children }) => (
  <BaseLayout ctx={ctx} title={title} nav={ctx.org ? staffNavFor(ctx.registry, ctx.lang, ctx.org.slug, ctx.actor) : []} trail={trail}>
    {children}
  </BaseLayout>
)

/** The platform-admin area. */
export const PlatformLayout: FC<AreaProps> = ({ ctx, title, trail, children }) => (
  <BaseLayout ctx={ctx} title={title} nav={ctx.actor ? platformNavFor(ctx.registry, ctx.lang) : []} trail={trail}>
    {children}
  </BaseLayout>
)
