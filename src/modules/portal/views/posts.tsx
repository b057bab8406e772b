import type { FormState } from '../../../platform/http/forms.js'
import { t as platformT } from '../../../platform/i18n/messages.js'
import { ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/fields.js'
import { CsrfField } from '../../../platform/ui/layout.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { dateText } from '../../../platform/ui/prose.js'
import { pt } from '../portal.i18n.js'
import { POST_CATEGORIES, PUBLISH_STATUSES, type PortalPost } from '../portal.schema.js'
import type { PostWithFiles } from '../posts.js'
import { DateTimeField, EditorPage, FileField, RowActions, StatusBadge, editorBase } from './staff.js'

export const PostListPage = (p: { ctx: StaffPageCtx; posts: PortalPost[] }) => {
  const L = p.ctx.lang
  const canEdit = p.ctx.can('portal.edit')
  const b = `${editorBase(p.ctx)}/posts`
  return (
    <EditorPage ctx={p.ctx} title={pt(L, 'admin.posts')}>
      {canEdit && <p><a class="button" href={`${b}/new`}>{pt(L, 'admin.newPost')}</a></p>}
      <div class="table-wrap">
        <table>
          <thead><tr><th scope="col">{pt(L, 'f.title')}</th><th scope="col">{pt(L, 'f.category')}</th><th scope="col">{pt(L, 'f.publishAt')}</th><th scope="col">{pt(L, 'admin.status')}</th>{canEdit && <th scope="col">{pt(L, 'admin.actions')}</th>}</tr></thead>
          <tbody>
            {p.posts.map((x) => (
              <tr>
                <td>{x.title}</td>
                <td>{pt(L, `cat.${x.category}`)}</td>
                <td>{dateText(p.ctx, x.publishAt)}</td>
                <td><StatusBadge lang={L} record={x} /></td>
                {canEdit && <RowActions lang={L} href={`${b}/${x.id}`} title={x.title} />}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </EditorPage>
  )
}

/** A new post (no `post`) or an existing one; shown again with errors and the typed values. */
export const PostForm = (p: { ctx: StaffPageCtx; post?: PostWithFiles | undefined } & FormState) => {
  const L = p.ctx.lang
  const b = `${editorBase(p.ctx)}/posts`
  return (
    <EditorPage ctx={p.ctx} title={pt(L, p.post ? 'admin.editPost' : 'admin.newPost')}>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" enctype="multipart/form-data" action={p.post ? `${b}/${p.post.id}` : b} novalidate>
        <CsrfField ctx={p.ctx} />
        <SelectField name="category" label={pt(L, 'f.category')} values={p.values} errors={p.errors} options={POST_CATEGORIES.map((x) => ({ value: x, label: pt(L, `cat.${x}`) }))} required />
        <TextField name="title" label={pt(L, 'f.title')} values={p.values} errors={p.errors} required maxlength={300} />
        <TextArea name="bodyMd" label={pt(L, 'f.body')} hint={pt(L, 'f.bodyHint')} values={p.values} errors={p.errors} rows={12} />
        <SelectField name="status" label={pt(L, 'f.status')} values={p.values} errors={p.errors} options={PUBLISH_STATUSES.map((x) => ({ value: x, label: pt(L, x === 'draft' ? 'admin.draft' : 'admin.live') }))} />
        <DateTimeField name="publishAt" label={pt(L, 'f.publishAt')} hint={pt(L, 'f.publishAtHint')} values={p.values} errors={p.errors} />
        <TextField name="fiscalYear" type="number" inputmode="numeric" label={pt(L, 'f.fiscalYear')} values={p.values} errors={p.errors} />
        <TextField name="oitCodes" label={pt(L, 'f.oitCodes')} hint={pt(L, 'f.oitCodesHint')} values={p.values} errors={p.errors} />
        {p.post && p.post.files.length > 0 && <ul>{p.post.files.map((f) => <li>{f.name}</li>)}</ul>}
        <FileField name="files" label={pt(L, 'f.files')} hint={pt(L, 'f.filesHint')} multiple errors={p.errors} />
        <button type="submit">{platformT(L, 'form.save')}</button>
      </form>
    </EditorPage>
  )
}
