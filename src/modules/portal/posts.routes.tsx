import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { uuidParam } from '../../platform/http/params.js'
import { fiscalYearOf } from '../../platform/thai/index.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { pt } from './portal.i18n.js'
import { confirmForm, labels, POST_FILES, postForm, postValues } from './portal.forms.js'
import { deletePost, getPostForEdit, listAllPosts, savePost, type PostWithFiles } from './posts.js'
import { PostForm, PostListPage } from './views/posts.js'
import { DeletePage } from './views/delete.js'
import { editorBase } from './views/staff.js'

/** Staff: news, announcements and procurement notices with attachments. */
export function postStaffRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `${editorBase({ org: c.get('org') })}/posts`

  app.get('/portal/posts', requirePermission('portal.read'), async (c) => render(c, <PostListPage ctx={pageCtx(c)} posts={await listAllPosts(ctxOf(c))} />))

  const form = (c: StaffContext, post?: PostWithFiles) => (s: FormState) => <PostForm ctx={pageCtx(c)} post={post} {...s} />
  app.get('/portal/posts/new', requirePermission('portal.edit'), (c) => render(c, form(c)({ values: { status: 'published', category: 'announcement' } })))
  app.get('/portal/posts/:id/edit', requirePermission('portal.edit'), async (c) => {
    const post = await getPostForEdit(ctxOf(c), uuidParam(c))
    return render(c, form(c, post)({ values: postValues(post) }))
  })
  const submit = (c: StaffContext, post?: PostWithFiles) =>
    formAction(c, {
      schema: postForm(c.get('lang')),
      labels: labels(c.get('lang')),
      files: POST_FILES,
      view: form(c, post),
      submit: async (data, files) => {
        const publishAt = data.publishAt ?? new Date()
        const id = await savePost(ctxOf(c), post?.id ?? null, { ...data, publishAt, fiscalYear: data.fiscalYear ?? fiscalYearOf(publishAt) }, files.files ?? [])
        flash(c, pt(c.get('lang'), 'admin.saved'))
        return c.redirect(`${base(c)}/${id}/edit`, 303)
      },
    })
  app.post('/portal/posts', requirePermission('portal.edit'), (c) => submit(c))
  app.post('/portal/posts/:id', requirePermission('portal.edit'), async (c) => submit(c, await getPostForEdit(ctxOf(c), uuidParam(c))))

  const confirm = (c: StaffContext, post: PostWithFiles) => (s: FormState) => <DeletePage ctx={pageCtx(c)} title={post.title} action={`${base(c)}/${post.id}/delete`} back={base(c)} {...s} />
  app.get('/portal/posts/:id/delete', requirePermission('portal.edit'), async (c) => render(c, confirm(c, await getPostForEdit(ctxOf(c), uuidParam(c)))({})))
  app.post('/portal/posts/:id/delete', requirePermission('portal.edit'), async (c) => {
    const post = await getPostForEdit(ctxOf(c), uuidParam(c))
    return formAction(c, {
      schema: confirmForm(),
      labels: {},
      view: confirm(c, post),
      submit: async () => {
        await deletePost(ctxOf(c), post.id)
        flash(c, pt(c.get('lang'), 'admin.deleted'))
        return c.redirect(base(c), 303)
      },
    })
  })
  return app
}
