import type { FC, PropsWithChildren } from 'hono/jsx'
import type { PageCtx } from './page-context.js'
import { t } from '../i18n/messages.js'
import { can, type Permission } from '../auth/permissions.js'
import { CSRF_FIELD } from '../http/middleware.js'
import { ASSET_VERSION } from './assets.js'

export type NavItem = { href: string; label: string; permission?: Permission }

type LayoutProps = PropsWithChildren<{
  ctx: PageCtx
  title: string
  /** Extra staff menu items contributed by modules (already translated). */
  nav?: NavItem[]
  area?: 'public' | 'staff' | 'platform'
}>

export const CsrfField: FC<{ ctx: PageCtx }> = ({ ctx }) => <input type="hidden" name={CSRF_FIELD} value={ctx.csrf()} />

function staffNav(ctx: PageCtx, extra: NavItem[]): NavItem[] {
  const base = `/o/${ctx.org?.slug}/admin`
  const items: NavItem[] = [
    { href: base, label: t(ctx.lang, 'nav.dashboard'), permission: 'staff.dashboard' },
    ...extra,
    { href: `${base}/units`, label: t(ctx.lang, 'nav.units'), permission: 'unit.read' },
    { href: `${base}/users`, label: t(ctx.lang, 'nav.users'), permission: 'user.read' },
    { href: `${base}/audit`, label: t(ctx.lang, 'nav.audit'), permission: 'audit.read' },
    { href: `${base}/settings`, label: t(ctx.lang, 'nav.settings'), permission: 'org.settings' },
    { href: `${base}/account`, label: t(ctx.lang, 'nav.account'), permission: 'account.manage' },
  ]
  return items.filter((i) => !i.permission || can(ctx.actor, i.permission))
}

function platformNav(ctx: PageCtx): NavItem[] {
  return [
    { href: '/admin', label: t(ctx.lang, 'nav.orgs') },
    { href: '/admin/outbox', label: t(ctx.lang, 'nav.outbox') },
    { href: '/admin/audit', label: t(ctx.lang, 'nav.audit') },
    { href: '/admin/account', label: t(ctx.lang, 'nav.account') },
  ]
}

export const Layout: FC<LayoutProps> = ({ ctx, title, nav = [], area = 'public', children }) => {
  const org = ctx.org
  const orgName = org ? (ctx.lang === 'en' && org.nameEn ? org.nameEn : org.nameTh) : t(ctx.lang, 'app.name')
  const items = area === 'staff' && ctx.actor ? staffNav(ctx, nav) : area === 'platform' && ctx.actor ? platformNav(ctx) : nav
  const signOutAction = ctx.actor?.orgId && org ? `/o/${org.slug}/logout` : '/logout'
  const homeHref = org ? `/o/${org.slug}/` : '/'
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} | ${orgName}`}</title>
        <link rel="stylesheet" href={`/static/app.css?v=${ASSET_VERSION}`} />
        <link rel="preload" href="/static/fonts/sarabun-thai-400-normal.woff2" as="font" type="font/woff2" crossorigin="anonymous" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t(ctx.lang, 'nav.skip')}
        </a>
        <header class="site-header">
          <div class="container bar">
            <a class="brand" href={homeHref}>
              {orgName}
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
        {items.length > 0 && (
          <nav class="nav" aria-label={t(ctx.lang, 'nav.main')}>
            <div class="container">
              <ul>
                {items.map((i) => (
                  <li>
                    <a href={i.href} aria-current={ctx.path === i.href || ctx.path === i.href + '/' ? 'page' : undefined}>
                      {i.label}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
        )}
        <main id="main" tabindex={-1}>
          <div class="container">
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
            <p>{t(ctx.lang, 'footer.text')}</p>
          </div>
        </footer>
      </body>
    </html>
  )
}
