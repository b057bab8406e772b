import type { Child } from 'hono/jsx'
import { Hono } from 'hono'
import type { OrgContext, OrgEnv } from '../../platform/http/context.js'
import { AppError } from '../../platform/http/errors.js'
import { publicPage } from '../../platform/http/page-cache.js'
import { listUnitsOf } from '../../platform/orgs/orgs.service.js'
import { ABOUT_PAGES, POLICY_PAGES } from './menu.js'
import { DOC_CATEGORIES, POST_CATEGORIES, type DocCategory, type PostCategory } from './portal.schema.js'
import { getProfile } from './profile.js'
import { listExecutives } from './executives.js'
import { getPublishedPost, listPublishedPosts } from './posts.js'
import { getPublishedDocument, listPublishedDocuments } from './documents.js'
import { getPublicFile } from './files.js'
import { cleanQuery, searchPublic } from './search.js'
import { sitePages } from './site-pages.js'
import { questionPublicRoutes } from './questions.routes.js'
import { openDataRoutes } from './open-data.routes.js'
import { HomePage } from './views/home.js'
import { AboutIndexPage, AboutPage, ContactFacts, ExecutiveList, ProfileText, UnitTree, type AboutPageName } from './views/about.js'
import { NewsCategoryPage, NewsIndexPage, PostPage } from './views/news.js'
import { DocumentPage, LibraryCategoryPage, LibraryPage } from './views/library.js'
import { SearchPage } from './views/search.js'
import { PROFILE_FIELD } from './site-pages.js'


/** The agency's public website (anonymous answers are cached; see http/page-cache.ts). */
export function publicRoutes() {
  const app = new Hono<OrgEnv>()
  const db = (c: OrgContext) => c.get('deps').db
  const orgId = (c: OrgContext) => c.get('org').id

  app.get('/', (c) =>
    publicPage(c, async (ctx) => {
      const [announcements, news, profile] = await Promise.all([
        listPublishedPosts(db(c), orgId(c), { category: 'announcement', limit: 5 }),
        listPublishedPosts(db(c), orgId(c), { category: 'pr', limit: 5 }),
        getProfile(db(c), orgId(c)),
      ])
      return <HomePage ctx={ctx} announcements={announcements} news={news} profile={profile} />
    }),
  )

  // About and policy pages
  app.get('/about', (c) => publicPage(c, (ctx) => <AboutIndexPage ctx={ctx} />))
  const aboutPage = (page: AboutPageName, path: string) =>
    app.get(path, (c) =>
      publicPage(c, async (ctx) => {
        const field = PROFILE_FIELD[page]
        let body: Child
        if (field) body = <ProfileText ctx={ctx} md={(await getProfile(db(c), orgId(c)))?.[field]} />
        else if (page === 'structure') body = <UnitTree ctx={ctx} units={await listUnitsOf(db(c), orgId(c))} />
        else if (page === 'executives') body = <ExecutiveList ctx={ctx} executives={await listExecutives(db(c), orgId(c))} />
        else body = <ContactFacts ctx={ctx} profile={await getProfile(db(c), orgId(c))} />
        return (
          <AboutPage ctx={ctx} page={page} path={path}>
            {body}
          </AboutPage>
        )
      }),
    )
  for (const p of ABOUT_PAGES) aboutPage(p, `/about/${p}`)
  for (const p of POLICY_PAGES) aboutPage(p, `/${p}`)

  // News and announcements
  app.get('/news', (c) => publicPage(c, async (ctx) => <NewsIndexPage ctx={ctx} posts={await listPublishedPosts(db(c), orgId(c), { limit: 30 })} />))
  app.get('/news/c/:cat', (c) => {
    const cat = c.req.param('cat') as PostCategory
    if (!POST_CATEGORIES.includes(cat)) throw new AppError('not_found', 404)
    return publicPage(c, async (ctx) => <NewsCategoryPage ctx={ctx} category={cat} posts={await listPublishedPosts(db(c), orgId(c), { category: cat, limit: 300 })} />)
  })
  app.get('/news/:id', async (c) => {
    const post = await getPublishedPost(db(c), orgId(c), c.req.param('id'))
    if (!post) throw new AppError('not_found', 404)
    return publicPage(c, (ctx) => <PostPage ctx={ctx} post={post} />)
  })

  // Document library
  app.get('/documents', (c) => publicPage(c, async (ctx) => <LibraryPage ctx={ctx} documents={await listPublishedDocuments(db(c), orgId(c))} />))
  app.get('/documents/c/:cat', (c) => {
    const cat = c.req.param('cat') as DocCategory
    if (!DOC_CATEGORIES.includes(cat)) throw new AppError('not_found', 404)
    return publicPage(c, async (ctx) => <LibraryCategoryPage ctx={ctx} category={cat} documents={await listPublishedDocuments(db(c), orgId(c), { category: cat })} />)
  })
  app.get('/documents/:id', async (c) => {
    const doc = await getPublishedDocument(db(c), orgId(c), c.req.param('id'))
    if (!doc) throw new AppError('not_found', 404)
    return publicPage(c, (ctx) => <DocumentPage ctx={ctx} doc={doc} />)
  })

  // Public files: only files marked public, served as downloads (images and PDF inline), never sniffed.
  const serveFile = async (c: OrgContext) => {
    const file = await getPublicFile(db(c), orgId(c), c.req.param('id') ?? '')
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

  app.get('/search', (c) => {
    const q = cleanQuery(c.req.query('q'))
    return publicPage(c, async (ctx) => <SearchPage ctx={ctx} q={q} result={q ? await searchPublic(db(c), orgId(c), q, await sitePages(db(c), c.get('org'), ctx.lang)) : { hits: [], suggestion: null }} />)
  })

  app.route('/', questionPublicRoutes())
  app.route('/', openDataRoutes())
  return app
}
