import type { Child } from 'hono/jsx'
import { Hono } from 'hono'
import { z } from 'zod'
import type { OrgContext, OrgEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { f, parseForm, type FormErrors, type FormValues } from '../../platform/http/forms.js'
import { AppError } from '../../platform/http/errors.js'
import { CsrfField } from '../../platform/ui/layout.js'
import { ErrorSummary, TextArea, TextField } from '../../platform/ui/fields.js'
import { flash, pageCtx, type OrgPageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { listUnitsOf } from '../../platform/orgs/orgs.service.js'
import type { Unit } from '../../platform/orgs/orgs.schema.js'
import { t as platformT } from '../../platform/i18n/messages.js'
import { ABOUT_PAGES, POLICY_PAGES, trailTo } from './menu.js'
import { orgBase, publicMenuNode } from '../../platform/ui/menu.js'
import { pt } from './portal.i18n.js'
import { DOC_CATEGORIES, POST_CATEGORIES, type DocCategory, type PortalProfile, type PostCategory } from './portal.schema.js'
import {
  askQuestion,
  getProfile,
  getPublicFile,
  getPublishedDocument,
  getPublishedPost,
  listExecutives,
  listPublishedDocuments,
  listPublishedPosts,
  listPublishedQuestions,
  searchPublic,
  type FileMeta,
} from './portal.service.js'
import { Markdown, dateText, sizeText } from '../../platform/ui/prose.js'
import { PublicLayout } from '../../platform/ui/layout.js'
import { publicPage } from '../../platform/http/page-cache.js'
import { openDataRoutes } from './portal.api.js'

const fileHref = (slug: string, f: FileMeta) => `${orgBase(slug)}/files/${f.id}/${encodeURIComponent(f.name)}`

const PostList = (p: { ctx: OrgPageCtx; posts: { id: string; title: string; publishAt: Date; category: PostCategory }[]; showCategory?: boolean }) =>
  p.posts.length === 0 ? (
    <p>{pt(p.ctx.lang, 'news.empty')}</p>
  ) : (
    <ul class="item-list">
      {p.posts.map((x) => (
        <li>
          <a href={`${orgBase(p.ctx.org.slug)}/news/${x.id}`}>{x.title}</a>
          <span class="muted">
            {' '}
            {p.showCategory ? `${pt(p.ctx.lang, `cat.${x.category}`)} · ` : ''}
            {dateText(p.ctx, x.publishAt)}
          </span>
        </li>
      ))}
    </ul>
  )

const UnitTree = (p: { ctx: OrgPageCtx; units: Unit[] }) => {
  const name = (u: Unit) => (p.ctx.lang === 'en' && u.nameEn ? u.nameEn : u.nameTh)
  const org = p.ctx.org!
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

const QuestionForm = (p: { ctx: OrgPageCtx; values?: FormValues; errors?: FormErrors }) => (
  <section aria-labelledby="ask-title">
    <h2 id="ask-title">{pt(p.ctx.lang, 'qa.ask')}</h2>
    <ErrorSummary ctx={p.ctx} errors={p.errors} />
    <form method="post" action={`${orgBase(p.ctx.org.slug)}/qa`} novalidate>
      <CsrfField ctx={p.ctx} />
      <TextField name="askerName" label={pt(p.ctx.lang, 'qa.name')} values={p.values} errors={p.errors} required maxlength={100} autocomplete="nickname" />
      <TextArea name="question" label={pt(p.ctx.lang, 'qa.question')} hint={pt(p.ctx.lang, 'qa.privacy')} values={p.values} errors={p.errors} required />
      <div class="visually-hidden" aria-hidden="true">
        <label for="website">website</label>
        <input id="website" name="website" type="text" tabindex={-1} autocomplete="off" />
      </div>
      <button type="submit">{pt(p.ctx.lang, 'qa.ask')}</button>
    </form>
  </section>
)

const QuestionInput = z.object({ askerName: f.text(100), question: f.text(4000, 5), website: f.optionalText(200) })

const textPages: Record<(typeof ABOUT_PAGES)[number] | (typeof POLICY_PAGES)[number], keyof PortalProfile | null> = {
  history: 'historyMd',
  vision: 'visionMd',
  duties: 'dutiesMd',
  accessibility: 'accessibilityMd',
  privacy: 'privacyMd',
  cookies: 'cookiesMd',
  structure: null,
  executives: null,
  contact: null,
}

export function publicRoutes() {
  const app = new Hono<OrgEnv>()
  const db = (c: OrgContext) => c.get('deps').db
  const orgOf = (c: OrgContext) => c.get('org')

  app.get('/', (c) =>
    publicPage(c, async (ctx) => {
      const org = orgOf(c)
      const [announcements, news, profile] = await Promise.all([
        listPublishedPosts(db(c), org.id, { category: 'announcement', limit: 5 }),
        listPublishedPosts(db(c), org.id, { category: 'pr', limit: 5 }),
        getProfile(db(c), org.id),
      ])
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
              <PostList ctx={ctx} posts={announcements} />
              <p><a href={`${base}/news/c/announcement`}>{pt(L, 'home.more')}<span class="visually-hidden"> {pt(L, 'cat.announcement')}</span></a></p>
            </section>
            <section aria-labelledby="latest-news">
              <h2 id="latest-news">{pt(L, 'home.latestNews')}</h2>
              <PostList ctx={ctx} posts={news} />
              <p><a href={`${base}/news/c/pr`}>{pt(L, 'home.more')}<span class="visually-hidden"> {pt(L, 'cat.pr')}</span></a></p>
            </section>
          </div>
          <section aria-labelledby="policies">
            <h2 id="policies">{pt(L, 'home.policies')}</h2>
            <ul class="inline-list">
              {POLICY_PAGES.map((p) => <li><a href={`${base}/${p}`}>{pt(L, `about.${p}`)}</a></li>)}
              <li><a href={`${base}/sitemap`}>{pt(L, 'menu.sitemap')}</a></li>
              <li><a href={`${base}/opendata`}>{pt(L, 'feeds.openData')}</a></li>
            </ul>
          </section>
        </PublicLayout>
      )
    }),
  )

  // About: the section page lists its children with the menu's labels.
  app.get('/about', (c) =>
    publicPage(c, (ctx) => {
      const node = publicMenuNode(ctx.registry, '/about')!
      return (
        <PublicLayout ctx={ctx} title={pt(ctx.lang, 'menu.about')} trail={trailTo(ctx.registry, ctx.lang, ctx.org.slug, { path: '/about' })!}>
          <h1>{pt(ctx.lang, 'menu.about')}</h1>
          <ul class="section-links">
            {node.children!.map((n) => <li><a href={orgBase(ctx.org.slug) + n.path}>{n.label[ctx.lang]}</a></li>)}
          </ul>
        </PublicLayout>
      )
    }),
  )

  const textPage = (page: keyof typeof textPages, path: string) =>
    app.get(path, (c) =>
      publicPage(c, async (ctx) => {
        const org = orgOf(c)
        const title = pt(ctx.lang, `about.${page}`)
        const trail = trailTo(ctx.registry, ctx.lang, org.slug, { path: path })!
        const field = textPages[page]
        let body: Child
        if (field) {
          const md = (await getProfile(db(c), org.id))?.[field]
          body = typeof md === 'string' && md.trim() ? <Markdown md={md} /> : <p>{pt(ctx.lang, 'about.empty')}</p>
        } else if (page === 'structure') {
          body = <UnitTree ctx={ctx} units={await listUnitsOf(db(c), org.id)} />
        } else if (page === 'executives') {
          const execs = await listExecutives(db(c), org.id)
          body = (['political', 'permanent'] as const).map((branch) => {
            const list = execs.filter((e) => e.branch === branch)
            return list.length ? (
              <section>
                <h2>{pt(ctx.lang, `about.${branch}`)}</h2>
                <ul class="people">
                  {list.map((e) => (
                    <li class="person">
                      {e.photoFileId && <img src={`${orgBase(org.slug)}/files/${e.photoFileId}`} alt={pt(ctx.lang, 'about.photoOf', { name: e.name })} width={160} height={200} loading="lazy" />}
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
          })
          if (!execs.length) body = <p>{pt(ctx.lang, 'about.empty')}</p>
        } else {
          const contact = org.settings.contact ?? {}
          const profile = await getProfile(db(c), org.id)
          const mapUrl = profile?.mapUrl ?? contact.mapUrl
          body = (
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
        return (
          <PublicLayout ctx={ctx} title={title} trail={trail}>
            <h1>{title}</h1>
            {body}
          </PublicLayout>
        )
      }),
    )
  for (const p of ABOUT_PAGES) textPage(p, `/about/${p}`)
  for (const p of POLICY_PAGES) textPage(p, `/${p}`)

  // News and announcements
  app.get('/news', (c) =>
    publicPage(c, async (ctx) => {
      const posts = await listPublishedPosts(db(c), orgOf(c).id, { limit: 30 })
      return (
        <PublicLayout ctx={ctx} title={pt(ctx.lang, 'menu.news')} trail={trailTo(ctx.registry, ctx.lang, ctx.org.slug, { path: '/news' })!}>
          <h1>{pt(ctx.lang, 'menu.news')}</h1>
          <ul class="section-links">
            {POST_CATEGORIES.map((cat) => <li><a href={`${orgBase(ctx.org.slug)}/news/c/${cat}`}>{pt(ctx.lang, `cat.${cat}`)}</a></li>)}
          </ul>
          <h2>{pt(ctx.lang, 'news.all')}</h2>
          <PostList ctx={ctx} posts={posts} showCategory />
        </PublicLayout>
      )
    }),
  )
  app.get('/news/c/:cat', (c) => {
    const cat = c.req.param('cat') as PostCategory
    if (!POST_CATEGORIES.includes(cat)) throw new AppError('not_found', 404)
    return publicPage(c, async (ctx) => {
      const posts = await listPublishedPosts(db(c), orgOf(c).id, { category: cat, limit: 300 })
      const title = pt(ctx.lang, `cat.${cat}`)
      return (
        <PublicLayout ctx={ctx} title={title} trail={trailTo(ctx.registry, ctx.lang, ctx.org.slug, { path: `/news/c/${cat}` })!}>
          <h1>{title}</h1>
          <PostList ctx={ctx} posts={posts} />
        </PublicLayout>
      )
    })
  })
  app.get('/news/:id', async (c) => {
    const post = await getPublishedPost(db(c), orgOf(c).id, c.req.param('id'))
    if (!post) throw new AppError('not_found', 404)
    return publicPage(c, (ctx) => (
      <PublicLayout ctx={ctx} title={post.title} trail={trailTo(ctx.registry, ctx.lang, ctx.org.slug, { post })!}>
        <article>
          <h1>{post.title}</h1>
          <p class="muted">
            {pt(ctx.lang, `cat.${post.category}`)} · {pt(ctx.lang, 'news.published', { date: dateText(ctx, post.publishAt) })}
          </p>
          <Markdown md={post.bodyMd} />
          {post.files.length > 0 && (
            <section aria-labelledby="att">
              <h2 id="att">{pt(ctx.lang, 'news.attachments')}</h2>
              <ul>
                {post.files.map((f) => (
                  <li>
                    <a href={fileHref(ctx.org.slug, f)}>{f.name}</a> <span class="muted">({sizeText(f.size)})</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </article>
      </PublicLayout>
    ))
  })

  // Document library
  app.get('/documents', (c) =>
    publicPage(c, async (ctx) => {
      const docs = await listPublishedDocuments(db(c), orgOf(c).id)
      return (
        <PublicLayout ctx={ctx} title={pt(ctx.lang, 'menu.documents')} trail={trailTo(ctx.registry, ctx.lang, ctx.org.slug, { path: '/documents' })!}>
          <h1>{pt(ctx.lang, 'menu.documents')}</h1>
          <ul class="section-links">
            {DOC_CATEGORIES.map((cat) => (
              <li>
                <a href={`${orgBase(ctx.org.slug)}/documents/c/${cat}`}>{pt(ctx.lang, `doc.${cat}`)}</a> <span class="muted">({docs.filter((d) => d.category === cat).length})</span>
              </li>
            ))}
          </ul>
        </PublicLayout>
      )
    }),
  )
  app.get('/documents/c/:cat', (c) => {
    const cat = c.req.param('cat') as DocCategory
    if (!DOC_CATEGORIES.includes(cat)) throw new AppError('not_found', 404)
    return publicPage(c, async (ctx) => {
      const docs = await listPublishedDocuments(db(c), orgOf(c).id, { category: cat })
      const years = [...new Set(docs.map((d) => d.fiscalYear))]
      const title = pt(ctx.lang, `doc.${cat}`)
      return (
        <PublicLayout ctx={ctx} title={title} trail={trailTo(ctx.registry, ctx.lang, ctx.org.slug, { path: `/documents/c/${cat}` })!}>
          <h1>{title}</h1>
          {docs.length === 0 && <p>{pt(ctx.lang, 'docs.empty')}</p>}
          {years.map((y) => (
            <section>
              <h2>{pt(ctx.lang, 'docs.fiscalYear', { year: y })}</h2>
              <ul class="item-list">
                {docs
                  .filter((d) => d.fiscalYear === y)
                  .map((d) => (
                    <li>
                      <a href={`${orgBase(ctx.org.slug)}/documents/${d.id}`}>{d.title}</a>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </PublicLayout>
      )
    })
  })
  app.get('/documents/:id', async (c) => {
    const doc = await getPublishedDocument(db(c), orgOf(c).id, c.req.param('id'))
    if (!doc) throw new AppError('not_found', 404)
    return publicPage(c, (ctx) => (
      <PublicLayout ctx={ctx} title={doc.title} trail={trailTo(ctx.registry, ctx.lang, ctx.org.slug, { document: doc })!}>
        <article>
          <h1>{doc.title}</h1>
          <p class="muted">
            {pt(ctx.lang, `doc.${doc.category}`)} · {pt(ctx.lang, 'docs.fiscalYear', { year: doc.fiscalYear })} · {pt(ctx.lang, 'news.published', { date: dateText(ctx, doc.publishedAt) })}
          </p>
          <Markdown md={doc.descriptionMd} />
          <ul>
            {doc.file && (
              <li>
                <a href={fileHref(ctx.org.slug, doc.file)}>{pt(ctx.lang, 'docs.download', { name: doc.file.name })}</a> <span class="muted">({sizeText(doc.file.size)})</span>
              </li>
            )}
            {doc.url && (
              <li>
                <a href={doc.url} rel="noopener noreferrer">{pt(ctx.lang, 'docs.open')}</a>
              </li>
            )}
          </ul>
        </article>
      </PublicLayout>
    ))
  })

  // Public files: only files marked public, served as downloads (images inline), never sniffed.
  const serveFile = async (c: OrgContext) => {
    const file = await getPublicFile(db(c), orgOf(c).id, c.req.param('id') ?? '')
    if (!file) throw new AppError('not_found', 404)
    const etag = `"${file.sha256}"`
    const headers: Record<string, string> = {
      'Content-Type': file.contentType,
      'Cache-Control': 'public, max-age=3600',
      ETag: etag,
      'Content-Disposition': `${file.contentType.startsWith('image/') || file.contentType === 'application/pdf' ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'X-Content-Type-Options': 'nosniff',
    }
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers)
    return c.body(new Uint8Array(file.data), 200, headers)
  }
  app.get('/files/:id', serveFile)
  app.get('/files/:id/:name', serveFile)

  // Q&A board
  const QaPage = async (c: OrgContext, values?: FormValues, errors?: FormErrors) => {
    const ctx = pageCtx(c)
    const qs = await listPublishedQuestions(db(c), orgOf(c).id)
    return (
      <PublicLayout ctx={ctx} title={pt(ctx.lang, 'qa.title')} trail={trailTo(ctx.registry, ctx.lang, ctx.org.slug, { path: '/qa' })!}>
        <h1>{pt(ctx.lang, 'qa.title')}</h1>
        <p>{pt(ctx.lang, 'qa.intro')}</p>
        {qs.length === 0 ? (
          <p>{pt(ctx.lang, 'qa.empty')}</p>
        ) : (
          <ul class="qa-list">
            {qs.map((q) => (
              <li>
                <p class="question">{q.question}</p>
                <p class="muted">{pt(ctx.lang, 'qa.asked', { name: q.askerName, date: dateText(ctx, q.createdAt) })}</p>
                {q.answerMd && (
                  <div class="answer">
                    <strong>{pt(ctx.lang, 'qa.answer')}</strong>
                    <Markdown md={q.answerMd} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        <QuestionForm ctx={ctx} values={values} errors={errors} />
      </PublicLayout>
    )
  }
  app.get('/qa', async (c) => render(c, await QaPage(c)))
  app.post('/qa', async (c) => {
    const L = c.get('lang')
    const form = await parseForm(c, QuestionInput, { askerName: pt(L, 'qa.name'), question: pt(L, 'qa.question') })
    if (!form.ok) return render(c, await QaPage(c, form.values, form.errors), 422)
    // A filled hidden field means a bot: pretend success, store nothing.
    if (!form.data.website) await askQuestion(ctxOf(c), { askerName: form.data.askerName, question: form.data.question })
    flash(c, pt(L, 'qa.sent'))
    return c.redirect(`${orgBase(orgOf(c).slug)}/qa`, 303)
  })

  // Search
  app.get('/search', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 100)
    return publicPage(c, async (ctx) => {
      const hits = q ? await searchPublic(db(c), orgOf(c).id, q) : []
      const base = orgBase(ctx.org.slug)
      return (
        <PublicLayout ctx={ctx} title={pt(ctx.lang, 'search.title')} trail={trailTo(ctx.registry, ctx.lang, ctx.org.slug, { path: '/search' })!}>
          <h1>{pt(ctx.lang, 'search.title')}</h1>
          <form method="get" action={`${base}/search`} role="search" class="search-form">
            <label for="q">{pt(ctx.lang, 'search.q')}</label>
            <input id="q" name="q" type="search" value={q} maxlength={100} />
            <button type="submit">{pt(ctx.lang, 'search.go')}</button>
          </form>
          {q && (
            <>
              <h2>{hits.length ? pt(ctx.lang, 'search.results', { q, n: hits.length }) : pt(ctx.lang, 'search.none', { q })}</h2>
              <ol class="item-list">
                {hits.map((h) => (
                  <li>
                    <a href={`${base}/${h.kind === 'post' ? 'news' : 'documents'}/${h.id}`}>{h.title}</a>
                    <div class="muted">
                      {pt(ctx.lang, `search.kind.${h.kind}`)} · {h.kind === 'post' ? pt(ctx.lang, `cat.${h.category as PostCategory}`) : pt(ctx.lang, `doc.${h.category as DocCategory}`)} ·{' '}
                      {pt(ctx.lang, 'docs.fiscalYear', { year: h.fiscalYear })}
                    </div>
                    <p>{h.snippet}</p>
                  </li>
                ))}
              </ol>
            </>
          )}
        </PublicLayout>
      )
    })
  })

  app.route('/', openDataRoutes())
  return app
}
