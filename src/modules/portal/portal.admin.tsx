import { Hono } from 'hono'
import { z } from 'zod'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { f, readForm, validate, type FormErrors, type FormValues } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { can } from '../../platform/auth/permissions.js'
import { CsrfField, StaffLayout } from '../../platform/ui/layout.js'
import { ErrorSummary, SelectField, TextArea, TextField } from '../../platform/ui/fields.js'
import { flash, pageCtx, type StaffPageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { fiscalYearOf } from '../../platform/thai/index.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { t as platformT } from '../../platform/i18n/messages.js'
import type { PropsWithChildren } from 'hono/jsx'
import { orgBase } from '../../platform/ui/menu.js'
import { pt } from './portal.i18n.js'
import { DOC_CATEGORIES, POST_CATEGORIES, PUBLISH_STATUSES, QUESTION_STATUSES, type PortalDocument, type PortalPost } from './portal.schema.js'
import {
  addExecutive,
  checkUploads,
  deleteDocument,
  deleteExecutive,
  deletePost,
  getDocumentForEdit,
  getPostForEdit,
  getProfile,
  listAllDocuments,
  listAllPosts,
  listAllQuestions,
  listExecutives,
  moderateQuestion,
  parseSocialLinks,
  saveDocument,
  savePost,
  saveProfile,
  type FileMeta,
  type FileProblem,
  type UploadedFile,
} from './portal.service.js'
import { dateText } from '../../platform/ui/prose.js'


/** Edit and delete links of a list row; the hidden title tells screen-reader users which row. */
const RowActions = (p: { lang: Lang; href: string; title: string }) => (
  <td>
    <a href={`${p.href}/edit`}>{pt(p.lang, 'admin.edit')}<span class="visually-hidden"> {p.title}</span></a> ·{' '}
    <a href={`${p.href}/delete`}>{pt(p.lang, 'admin.delete')}<span class="visually-hidden"> {p.title}</span></a>
  </td>
)


// ---- form parsing ----
const oitCodes = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(/[\s,]+/).map((x) => x.trim().toUpperCase()).filter(Boolean))
  .refine((list) => list.every((c) => /^O\d{1,3}$/.test(c)), { message: 'err.oitCodes' })
const localDateTime = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v || !v.trim()) return undefined
    const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?$/.exec(v.trim())
    const d = m ? new Date(`${m[1]}T${m[2] ?? '00:00'}:00+07:00`) : new Date(NaN)
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'err.date' })
      return z.NEVER
    }
    return d
  })
const fiscalYear = z.union([z.literal(''), z.coerce.number().int().min(2500).max(2700)]).optional().transform((v) => (v === '' || v === undefined ? undefined : v))

const PostForm = z.object({
  category: f.choice(POST_CATEGORIES),
  title: f.text(300),
  bodyMd: z.string().max(50000).default(''),
  status: f.choice(PUBLISH_STATUSES),
  publishAt: localDateTime,
  fiscalYear,
  oitCodes,
})
const DocForm = z.object({
  category: f.choice(DOC_CATEGORIES),
  title: f.text(300),
  descriptionMd: z.string().max(20000).default(''),
  fiscalYear: z.coerce.number({ error: 'v.number' }).int().min(2500).max(2700),
  url: z.union([z.literal(''), z.string().trim().regex(/^https?:\/\/\S+$/, { message: 'err.url' }).max(2000)]).optional().transform((v) => v || null),
  status: f.choice(PUBLISH_STATUSES),
  oitCodes,
})
const ProfileForm = z.object({
  historyMd: z.string().max(50000).default(''),
  visionMd: z.string().max(50000).default(''),
  dutiesMd: z.string().max(50000).default(''),
  accessibilityMd: z.string().max(50000).default(''),
  privacyMd: z.string().max(50000).default(''),
  cookiesMd: z.string().max(50000).default(''),
  mapUrl: z.union([z.literal(''), z.string().trim().regex(/^https?:\/\/\S+$/, { message: 'err.url' })]).optional().transform((v) => v || null),
  surveyUrl: z.union([z.literal(''), z.string().trim().regex(/^https?:\/\/\S+$/, { message: 'err.url' })]).optional().transform((v) => v || null),
  social: z.string().max(5000).default(''),
})
const ExecForm = z.object({
  name: f.text(200),
  position: f.text(200),
  branch: f.choice(['political', 'permanent'] as const),
  phone: f.optionalText(50).transform((v) => v ?? null),
  email: z.union([z.literal(''), f.email()]).optional().transform((v) => v || null),
  sortOrder: f.int(0, 999).default(0),
})
const ModerateForm = z.object({ answerMd: f.optionalText(20000).transform((v) => v ?? null), status: f.choice(QUESTION_STATUSES) })

const labels = (L: Lang) => ({
  category: pt(L, 'f.category'),
  title: pt(L, 'f.title'),
  bodyMd: pt(L, 'f.body'),
  status: pt(L, 'f.status'),
  publishAt: pt(L, 'f.publishAt'),
  fiscalYear: pt(L, 'f.fiscalYear'),
  oitCodes: pt(L, 'f.oitCodes'),
  descriptionMd: pt(L, 'f.description'),
  url: pt(L, 'f.url'),
  mapUrl: pt(L, 'f.mapUrl'),
  surveyUrl: pt(L, 'f.surveyUrl'),
  name: pt(L, 'f.name'),
  position: pt(L, 'f.position'),
  branch: pt(L, 'f.branch'),
  phone: pt(L, 'f.phone'),
  email: pt(L, 'f.email'),
  sortOrder: pt(L, 'f.sortOrder'),
  answerMd: pt(L, 'f.answer'),
})

/** Custom error keys of this module (the platform only knows its own). */
function localise(L: Lang, errors: FormErrors, values: FormValues, schema: z.ZodType): FormErrors {
  const r = schema.safeParse(values)
  const out = { ...errors }
  if (!r.success)
    for (const i of r.error.issues) {
      const k = String(i.path[0] ?? '_form')
      if (i.message.startsWith('err.')) out[k] = pt(L, i.message as Parameters<typeof pt>[1])
    }
  return out
}

async function uploadsOf(files: Record<string, File[]>, field: string): Promise<UploadedFile[]> {
  return Promise.all((files[field] ?? []).map(async (x) => ({ name: x.name, data: Buffer.from(await x.arrayBuffer()) })))
}
const problemText = (L: Lang, p: FileProblem[]) => p.map((x) => pt(L, `err.${x.problem}`, { name: x.name })).join(' ')

const toLocalInput = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16)

function statusLabel(L: Lang, p: { status: string; publishAt?: Date; publishedAt?: Date }) {
  const at = p.publishAt ?? p.publishedAt
  if (p.status === 'draft') return <span class="badge warn">{pt(L, 'admin.draft')}</span>
  if (at && at.getTime() > Date.now()) return <span class="badge warn">{pt(L, 'admin.scheduled')}</span>
  return <span class="badge ok">{pt(L, 'admin.live')}</span>
}

const DateTimeField = (p: { name: string; label: string; hint: string; values?: FormValues | undefined; errors?: FormErrors | undefined }) => {
  const err = p.errors?.[p.name]
  const v = p.values?.[p.name]
  return (
    <div class="field">
      <label for={p.name}>{p.label}</label>
      <span class="hint" id={`${p.name}-hint`}>{p.hint}</span>
      {err && <span class="error" id={`${p.name}-error`}>{err}</span>}
      <input id={p.name} name={p.name} type="datetime-local" value={typeof v === 'string' ? v : ''} aria-invalid={err ? 'true' : undefined} aria-describedby={err ? `${p.name}-hint ${p.name}-error` : `${p.name}-hint`} />
    </div>
  )
}

const FileField = (p: { name: string; label: string; hint: string; multiple?: boolean; accept?: string; errors?: FormErrors | undefined }) => {
  const err = p.errors?.[p.name]
  return (
    <div class="field">
      <label for={p.name}>{p.label}</label>
      <span class="hint" id={`${p.name}-hint`}>{p.hint}</span>
      {err && <span class="error" id={`${p.name}-error`}>{err}</span>}
      <input id={p.name} name={p.name} type="file" multiple={p.multiple} accept={p.accept ?? '.pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg,.webp'} aria-invalid={err ? 'true' : undefined} aria-describedby={err ? `${p.name}-hint ${p.name}-error` : `${p.name}-hint`} />
    </div>
  )
}

export function portalStaffRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/portal`
  const StaffPage = (p: PropsWithChildren<{ ctx: StaffPageCtx; title: string }>) => (
    <StaffLayout ctx={p.ctx} title={p.title}>
      <p class="muted">
        <a href={`${orgBase(p.ctx.org.slug)}/admin/portal`}>{pt(p.ctx.lang, 'admin.title')}</a>
      </p>
      <h1>{p.title}</h1>
      {p.children}
    </StaffLayout>
  )

  app.get('/portal', requirePermission('portal.read'), (c) => {
    const ctx = pageCtx(c)
    const L = ctx.lang
    const b = base(c)
    return render(
      c,
      <StaffLayout ctx={ctx} title={pt(L, 'admin.title')}>
        <h1>{pt(L, 'admin.title')}</h1>
        <ul class="cards">
          <li class="card"><a href={`${b}/posts`}>{pt(L, 'admin.posts')}</a></li>
          <li class="card"><a href={`${b}/documents`}>{pt(L, 'admin.documents')}</a></li>
          <li class="card"><a href={`${b}/profile`}>{pt(L, 'admin.profile')}</a></li>
          <li class="card"><a href={`${b}/executives`}>{pt(L, 'admin.executives')}</a></li>
          {can(ctx.actor, 'portal.moderate') && <li class="card"><a href={`${b}/questions`}>{pt(L, 'admin.questions')}</a></li>}
          <li class="card"><a href={`${orgBase(ctx.org.slug)}/`}>{pt(L, 'admin.viewSite')}</a></li>
        </ul>
      </StaffLayout>,
    )
  })

  // ---- posts ----
  app.get('/portal/posts', requirePermission('portal.read'), async (c) => {
    const ctx = pageCtx(c)
    const L = ctx.lang
    const posts = await listAllPosts(ctxOf(c))
    const canEdit = can(ctx.actor, 'portal.edit')
    return render(
      c,
      <StaffPage ctx={ctx} title={pt(L, 'admin.posts')}>
        {canEdit && <p><a class="button" href={`${base(c)}/posts/new`}>{pt(L, 'admin.newPost')}</a></p>}
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">{pt(L, 'f.title')}</th><th scope="col">{pt(L, 'f.category')}</th><th scope="col">{pt(L, 'f.publishAt')}</th><th scope="col">{pt(L, 'admin.status')}</th>{canEdit && <th scope="col">{pt(L, 'admin.actions')}</th>}</tr></thead>
            <tbody>
              {posts.map((p) => (
                <tr>
                  <td>{p.title}</td>
                  <td>{pt(L, `cat.${p.category}`)}</td>
                  <td>{dateText(ctx, p.publishAt)}</td>
                  <td>{statusLabel(L, p)}</td>
                  {canEdit && <RowActions lang={L} href={`${base(c)}/posts/${p.id}`} title={p.title} />}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </StaffPage>,
    )
  })

  const PostEditor = (p: { ctx: StaffPageCtx; post?: PortalPost & { files: FileMeta[] }; values: FormValues; errors?: FormErrors | undefined }) => {
    const L = p.ctx.lang
    return (
      <StaffPage ctx={p.ctx} title={pt(L, p.post ? 'admin.editPost' : 'admin.newPost')}>
        <ErrorSummary ctx={p.ctx} errors={p.errors} />
        <form method="post" enctype="multipart/form-data" action={p.post ? `${orgBase(p.ctx.org.slug)}/admin/portal/posts/${p.post.id}` : `${orgBase(p.ctx.org.slug)}/admin/portal/posts`} novalidate>
          <CsrfField ctx={p.ctx} />
          <SelectField name="category" label={pt(L, 'f.category')} values={p.values} errors={p.errors} options={POST_CATEGORIES.map((x) => ({ value: x, label: pt(L, `cat.${x}`) }))} required />
          <TextField name="title" label={pt(L, 'f.title')} values={p.values} errors={p.errors} required maxlength={300} />
          <TextArea name="bodyMd" label={pt(L, 'f.body')} hint={pt(L, 'f.bodyHint')} values={p.values} errors={p.errors} rows={12} />
          <SelectField name="status" label={pt(L, 'f.status')} values={p.values} errors={p.errors} options={PUBLISH_STATUSES.map((x) => ({ value: x, label: pt(L, x === 'draft' ? 'admin.draft' : 'admin.live') }))} />
          <DateTimeField name="publishAt" label={pt(L, 'f.publishAt')} hint={pt(L, 'f.publishAtHint')} values={p.values} errors={p.errors} />
          <TextField name="fiscalYear" type="number" inputmode="numeric" label={pt(L, 'f.fiscalYear')} values={p.values} errors={p.errors} />
          <TextField name="oitCodes" label={pt(L, 'f.oitCodes')} hint={pt(L, 'f.oitCodesHint')} values={p.values} errors={p.errors} />
          {p.post && p.post.files.length > 0 && (
            <ul>{p.post.files.map((f) => <li>{f.name}</li>)}</ul>
          )}
          <FileField name="files" label={pt(L, 'f.files')} hint={pt(L, 'f.filesHint')} multiple errors={p.errors} />
          <button type="submit">{platformT(L, 'form.save')}</button>
        </form>
      </StaffPage>
    )
  }
  const postValues = (p: PortalPost): FormValues => ({ category: p.category, title: p.title, bodyMd: p.bodyMd, status: p.status, publishAt: toLocalInput(p.publishAt), fiscalYear: String(p.fiscalYear), oitCodes: p.oitCodes.join(', ') })
  app.get('/portal/posts/new', requirePermission('portal.edit'), (c) => render(c, <PostEditor ctx={pageCtx(c)} values={{ status: 'published', category: 'announcement' }} />))
  app.get('/portal/posts/:id/edit', requirePermission('portal.edit'), async (c) => {
    const post = await getPostForEdit(ctxOf(c), c.req.param('id'))
    return render(c, <PostEditor ctx={pageCtx(c)} post={post} values={postValues(post)} />)
  })
  const submitPost = async (c: StaffContext, id: string | null) => {
    const L = c.get('lang')
    const { values, files } = await readForm(c)
    const form = validate(PostForm, values, { lang: L, labels: labels(L) })
    const uploads = await checkUploads(await uploadsOf(files, 'files'))
    const again = async (errors: FormErrors) => render(c, <PostEditor ctx={pageCtx(c)} post={id ? await getPostForEdit(ctxOf(c), id) : undefined} values={values} errors={errors} />, 422)
    if (!form.ok || uploads.problems.length) {
      const errors = form.ok ? {} : localise(L, form.errors, values, PostForm)
      if (uploads.problems.length) errors.files = problemText(L, uploads.problems)
      return again(errors)
    }
    const publishAt = form.data.publishAt ?? new Date()
    const postId = await savePost(ctxOf(c), id, { ...form.data, bodyMd: form.data.bodyMd, publishAt, fiscalYear: form.data.fiscalYear ?? fiscalYearOf(publishAt) }, uploads.ok)
    flash(c, pt(L, 'admin.saved'))
    return c.redirect(`${base(c)}/posts/${postId}/edit`, 303)
  }
  app.post('/portal/posts', requirePermission('portal.edit'), (c) => submitPost(c, null))
  app.post('/portal/posts/:id', requirePermission('portal.edit'), (c) => submitPost(c, c.req.param('id')))

  const confirmDelete = (c: StaffContext, title: string, action: string, back: string) => {
    const ctx = pageCtx(c)
    const msg = pt(ctx.lang, 'admin.deleteConfirm', { title })
    return render(
      c,
      <StaffPage ctx={ctx} title={msg}>
        <form method="post" action={action} class="actions">
          <CsrfField ctx={ctx} />
          <button type="submit" class="danger">{pt(ctx.lang, 'admin.delete')}</button>
          <a href={back}>{platformT(ctx.lang, 'form.cancel')}</a>
        </form>
      </StaffPage>,
    )
  }
  app.get('/portal/posts/:id/delete', requirePermission('portal.edit'), async (c) => {
    const p = await getPostForEdit(ctxOf(c), c.req.param('id'))
    return confirmDelete(c, p.title, `${base(c)}/posts/${p.id}/delete`, `${base(c)}/posts`)
  })
  app.post('/portal/posts/:id/delete', requirePermission('portal.edit'), async (c) => {
    await deletePost(ctxOf(c), c.req.param('id'))
    flash(c, pt(c.get('lang'), 'admin.deleted'))
    return c.redirect(`${base(c)}/posts`, 303)
  })

  // ---- documents ----
  app.get('/portal/documents', requirePermission('portal.read'), async (c) => {
    const ctx = pageCtx(c)
    const L = ctx.lang
    const docs = await listAllDocuments(ctxOf(c))
    const canEdit = can(ctx.actor, 'portal.edit')
    return render(
      c,
      <StaffPage ctx={ctx} title={pt(L, 'admin.documents')}>
        {canEdit && <p><a class="button" href={`${base(c)}/documents/new`}>{pt(L, 'admin.newDocument')}</a></p>}
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">{pt(L, 'f.title')}</th><th scope="col">{pt(L, 'f.category')}</th><th scope="col">{pt(L, 'f.fiscalYear')}</th><th scope="col">OIT</th><th scope="col">{pt(L, 'admin.status')}</th>{canEdit && <th scope="col">{pt(L, 'admin.actions')}</th>}</tr></thead>
            <tbody>
              {docs.map((d) => (
                <tr>
                  <td>{d.title}</td>
                  <td>{pt(L, `doc.${d.category}`)}</td>
                  <td>{d.fiscalYear}</td>
                  <td>{d.oitCodes.join(', ')}</td>
                  <td>{statusLabel(L, d)}</td>
                  {canEdit && <RowActions lang={L} href={`${base(c)}/documents/${d.id}`} title={d.title} />}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </StaffPage>,
    )
  })
  const DocEditor = (p: { ctx: StaffPageCtx; doc?: PortalDocument | undefined; values: FormValues; errors?: FormErrors | undefined }) => {
    const L = p.ctx.lang
    return (
      <StaffPage ctx={p.ctx} title={pt(L, p.doc ? 'admin.editDocument' : 'admin.newDocument')}>
        <ErrorSummary ctx={p.ctx} errors={p.errors} />
        <form method="post" enctype="multipart/form-data" action={p.doc ? `${orgBase(p.ctx.org.slug)}/admin/portal/documents/${p.doc.id}` : `${orgBase(p.ctx.org.slug)}/admin/portal/documents`} novalidate>
          <CsrfField ctx={p.ctx} />
          <SelectField name="category" label={pt(L, 'f.category')} values={p.values} errors={p.errors} options={DOC_CATEGORIES.map((x) => ({ value: x, label: pt(L, `doc.${x}`) }))} required />
          <TextField name="title" label={pt(L, 'f.title')} values={p.values} errors={p.errors} required maxlength={300} />
          <TextArea name="descriptionMd" label={pt(L, 'f.description')} hint={pt(L, 'f.bodyHint')} values={p.values} errors={p.errors} />
          <TextField name="fiscalYear" type="number" inputmode="numeric" label={pt(L, 'f.fiscalYear')} values={p.values} errors={p.errors} required />
          <FileField name="file" label={pt(L, 'f.file')} hint={pt(L, 'f.filesHint')} errors={p.errors} />
          <TextField name="url" type="url" label={pt(L, 'f.url')} values={p.values} errors={p.errors} />
          <SelectField name="status" label={pt(L, 'f.status')} values={p.values} errors={p.errors} options={PUBLISH_STATUSES.map((x) => ({ value: x, label: pt(L, x === 'draft' ? 'admin.draft' : 'admin.live') }))} />
          <TextField name="oitCodes" label={pt(L, 'f.oitCodes')} hint={pt(L, 'f.oitCodesHint')} values={p.values} errors={p.errors} />
          <button type="submit">{platformT(L, 'form.save')}</button>
        </form>
      </StaffPage>
    )
  }
  app.get('/portal/documents/new', requirePermission('portal.edit'), (c) => render(c, <DocEditor ctx={pageCtx(c)} values={{ status: 'published', fiscalYear: String(fiscalYearOf(new Date())) }} />))
  app.get('/portal/documents/:id/edit', requirePermission('portal.edit'), async (c) => {
    const d = await getDocumentForEdit(ctxOf(c), c.req.param('id'))
    return render(c, <DocEditor ctx={pageCtx(c)} doc={d} values={{ category: d.category, title: d.title, descriptionMd: d.descriptionMd, fiscalYear: String(d.fiscalYear), url: d.url ?? '', status: d.status, oitCodes: d.oitCodes.join(', ') }} />)
  })
  const submitDoc = async (c: StaffContext, id: string | null) => {
    const L = c.get('lang')
    const { values, files } = await readForm(c)
    const form = validate(DocForm, values, { lang: L, labels: labels(L) })
    const uploads = await checkUploads((await uploadsOf(files, 'file')).slice(0, 1))
    const existing = id ? await getDocumentForEdit(ctxOf(c), id) : undefined
    const errors: FormErrors = form.ok ? {} : localise(L, form.errors, values, DocForm)
    if (uploads.problems.length) errors.file = problemText(L, uploads.problems)
    if (form.ok && !form.data.url && !uploads.ok.length && !existing?.fileId && !uploads.problems.length) errors.file = pt(L, 'err.docSource')
    if (!form.ok || Object.keys(errors).length) return render(c, <DocEditor ctx={pageCtx(c)} doc={existing} values={values} errors={errors} />, 422)
    const docId = await saveDocument(ctxOf(c), id, form.data, uploads.ok[0])
    flash(c, pt(L, 'admin.saved'))
    return c.redirect(`${base(c)}/documents/${docId}/edit`, 303)
  }
  app.post('/portal/documents', requirePermission('portal.edit'), (c) => submitDoc(c, null))
  app.post('/portal/documents/:id', requirePermission('portal.edit'), (c) => submitDoc(c, c.req.param('id')))
  app.get('/portal/documents/:id/delete', requirePermission('portal.edit'), async (c) => {
    const d = await getDocumentForEdit(ctxOf(c), c.req.param('id'))
    return confirmDelete(c, d.title, `${base(c)}/documents/${d.id}/delete`, `${base(c)}/documents`)
  })
  app.post('/portal/documents/:id/delete', requirePermission('portal.edit'), async (c) => {
    await deleteDocument(ctxOf(c), c.req.param('id'))
    flash(c, pt(c.get('lang'), 'admin.deleted'))
    return c.redirect(`${base(c)}/documents`, 303)
  })

  // ---- profile ----
  const ProfileEditor = (p: { ctx: StaffPageCtx; values: FormValues; errors?: FormErrors | undefined }) => {
    const L = p.ctx.lang
    return (
      <StaffPage ctx={p.ctx} title={pt(L, 'admin.profile')}>
        <ErrorSummary ctx={p.ctx} errors={p.errors} />
        <form method="post" action={`${orgBase(p.ctx.org.slug)}/admin/portal/profile`} novalidate>
          <CsrfField ctx={p.ctx} />
          {(['history', 'vision', 'duties', 'accessibility', 'privacy', 'cookies'] as const).map((k) => (
            <TextArea name={`${k}Md`} label={pt(L, `f.${k}`)} hint={pt(L, 'f.bodyHint')} values={p.values} errors={p.errors} rows={8} />
          ))}
          <TextField name="mapUrl" type="url" label={pt(L, 'f.mapUrl')} values={p.values} errors={p.errors} />
          <TextField name="surveyUrl" type="url" label={pt(L, 'f.surveyUrl')} values={p.values} errors={p.errors} />
          <TextArea name="social" label={pt(L, 'f.social')} values={p.values} errors={p.errors} rows={4} />
          <button type="submit">{platformT(L, 'form.save')}</button>
        </form>
      </StaffPage>
    )
  }
  app.get('/portal/profile', requirePermission('portal.edit'), async (c) => {
    const p = await getProfile(c.get('deps').db, c.get('org').id)
    const values: FormValues = p
      ? { historyMd: p.historyMd, visionMd: p.visionMd, dutiesMd: p.dutiesMd, accessibilityMd: p.accessibilityMd, privacyMd: p.privacyMd, cookiesMd: p.cookiesMd, mapUrl: p.mapUrl ?? '', surveyUrl: p.surveyUrl ?? '', social: p.socialLinks.map((s) => `${s.label} | ${s.url}`).join('\n') }
      : {}
    return render(c, <ProfileEditor ctx={pageCtx(c)} values={values} />)
  })
  app.post('/portal/profile', requirePermission('portal.edit'), async (c) => {
    const L = c.get('lang')
    const { values } = await readForm(c)
    const form = validate(ProfileForm, values, { lang: L, labels: labels(L) })
    const social = form.ok ? parseSocialLinks(form.data.social) : []
    if (!form.ok || !social) {
      const errors = form.ok ? {} : localise(L, form.errors, values, ProfileForm)
      if (!social) errors.social = pt(L, 'err.social')
      return render(c, <ProfileEditor ctx={pageCtx(c)} values={values} errors={errors} />, 422)
    }
    const { social: _s, ...rest } = form.data
    await saveProfile(ctxOf(c), { ...rest, socialLinks: social })
    flash(c, pt(L, 'admin.saved'))
    return c.redirect(`${base(c)}/profile`, 303)
  })

  // ---- executives ----
  const ExecPage = async (c: StaffContext, values: FormValues = { branch: 'political', sortOrder: '0' }, errors?: FormErrors) => {
    const ctx = pageCtx(c)
    const L = ctx.lang
    const execs = await listExecutives(c.get('deps').db, c.get('org').id)
    return (
      <StaffPage ctx={ctx} title={pt(L, 'admin.executives')}>
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">{pt(L, 'f.name')}</th><th scope="col">{pt(L, 'f.position')}</th><th scope="col">{pt(L, 'f.branch')}</th><th scope="col">{pt(L, 'admin.actions')}</th></tr></thead>
            <tbody>
              {execs.map((e) => (
                <tr>
                  <td>{e.name}</td>
                  <td>{e.position}</td>
                  <td>{pt(L, `about.${e.branch}`)}</td>
                  <td>
                    <form method="post" action={`${base(c)}/executives/${e.id}/delete`} class="inline-form">
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="link">{pt(L, 'admin.delete')}<span class="visually-hidden"> {e.name}</span></button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2>{L === 'th' ? 'เพิ่มผู้บริหาร' : 'Add an executive'}</h2>
        <ErrorSummary ctx={ctx} errors={errors} />
        <form method="post" enctype="multipart/form-data" action={`${base(c)}/executives`} novalidate>
          <CsrfField ctx={ctx} />
          <TextField name="name" label={pt(L, 'f.name')} values={values} errors={errors} required />
          <TextField name="position" label={pt(L, 'f.position')} values={values} errors={errors} required />
          <SelectField name="branch" label={pt(L, 'f.branch')} values={values} errors={errors} options={(['political', 'permanent'] as const).map((b) => ({ value: b, label: pt(L, `about.${b}`) }))} />
          <TextField name="phone" label={pt(L, 'f.phone')} values={values} errors={errors} />
          <TextField name="email" type="email" label={pt(L, 'f.email')} values={values} errors={errors} />
          <TextField name="sortOrder" type="number" inputmode="numeric" label={pt(L, 'f.sortOrder')} values={values} errors={errors} />
          <FileField name="photo" label={pt(L, 'f.photo')} hint="JPEG, PNG, WebP" accept=".jpg,.jpeg,.png,.webp" errors={errors} />
          <button type="submit">{platformT(L, 'form.save')}</button>
        </form>
      </StaffPage>
    )
  }
  app.get('/portal/executives', requirePermission('portal.edit'), async (c) => render(c, await ExecPage(c)))
  app.post('/portal/executives', requirePermission('portal.edit'), async (c) => {
    const L = c.get('lang')
    const { values, files } = await readForm(c)
    const form = validate(ExecForm, values, { lang: L, labels: labels(L) })
    const uploads = await checkUploads((await uploadsOf(files, 'photo')).slice(0, 1))
    const photo = uploads.ok[0]
    const errors: FormErrors = form.ok ? {} : form.errors
    if (uploads.problems.length || (photo && !photo.mime.startsWith('image/'))) errors.photo = problemText(L, uploads.problems.length ? uploads.problems : [{ name: photo!.name, problem: 'badFile' }])
    if (!form.ok || Object.keys(errors).length) return render(c, await ExecPage(c, values, errors), 422)
    await addExecutive(ctxOf(c), form.data, photo)
    flash(c, pt(L, 'admin.saved'))
    return c.redirect(`${base(c)}/executives`, 303)
  })
  app.post('/portal/executives/:id/delete', requirePermission('portal.edit'), async (c) => {
    await deleteExecutive(ctxOf(c), c.req.param('id'))
    flash(c, pt(c.get('lang'), 'admin.deleted'))
    return c.redirect(`${base(c)}/executives`, 303)
  })

  // ---- Q&A moderation ----
  app.get('/portal/questions', requirePermission('portal.moderate'), async (c) => {
    const ctx = pageCtx(c)
    const L = ctx.lang
    const qs = await listAllQuestions(ctxOf(c))
    return render(
      c,
      <StaffPage ctx={ctx} title={pt(L, 'admin.questions')}>
        {qs.length === 0 && <p>{pt(L, 'qa.empty')}</p>}
        {qs.map((q) => (
          <section class="card qa-admin">
            <h2>{pt(L, 'qa.asked', { name: q.askerName, date: dateText(ctx, q.createdAt) })}</h2>
            <p class="question">{q.question}</p>
            <form method="post" action={`${base(c)}/questions/${q.id}`}>
              <CsrfField ctx={ctx} />
              <div class="field">
                <label for={`answer-${q.id}`}>{pt(L, 'f.answer')}</label>
                <textarea id={`answer-${q.id}`} name="answerMd" rows={4}>{q.answerMd ?? ''}</textarea>
              </div>
              <div class="field">
                <label for={`status-${q.id}`}>{pt(L, 'f.qstatus')}</label>
                <select id={`status-${q.id}`} name="status">
                  {QUESTION_STATUSES.map((s) => <option value={s} selected={s === q.status}>{pt(L, `q.${s}`)}</option>)}
                </select>
              </div>
              <button type="submit">{platformT(L, 'form.save')}</button>
            </form>
          </section>
        ))}
      </StaffPage>,
    )
  })
  app.post('/portal/questions/:id', requirePermission('portal.moderate'), async (c) => {
    const L = c.get('lang')
    const { values } = await readForm(c)
    const form = validate(ModerateForm, values, { lang: L, labels: labels(L) })
    if (!form.ok) {
      flash(c, Object.values(form.errors).join(' '))
      return c.redirect(`${base(c)}/questions`, 303)
    }
    await moderateQuestion(ctxOf(c), c.req.param('id'), form.data)
    flash(c, pt(L, 'admin.saved'))
    return c.redirect(`${base(c)}/questions`, 303)
  })
  return app
}
