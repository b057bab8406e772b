import type { FormState } from '../../../platform/http/forms.js'
import { t as platformT } from '../../../platform/i18n/messages.js'
import { ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/fields.js'
import { CsrfField } from '../../../platform/ui/layout.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { pt } from '../portal.i18n.js'
import { DOC_CATEGORIES, PUBLISH_STATUSES, type PortalDocument } from '../portal.schema.js'
import { EditorPage, FileField, RowActions, StatusBadge, editorBase } from './staff.js'

export const DocumentListPage = (p: { ctx: StaffPageCtx; documents: PortalDocument[] }) => {
  const L = p.ctx.lang
  const canEdit = p.ctx.can('portal.edit')
  const b = `${editorBase(p.ctx)}/documents`
  return (
    <EditorPage ctx={p.ctx} title={pt(L, 'admin.documents')}>
      {canEdit && <p><a class="button" href={`${b}/new`}>{pt(L, 'admin.newDocument')}</a></p>}
      <div class="table-wrap">
        <table>
          <thead><tr><th scope="col">{pt(L, 'f.title')}</th><th scope="col">{pt(L, 'f.category')}</th><th scope="col">{pt(L, 'f.fiscalYear')}</th><th scope="col">OIT</th><th scope="col">{pt(L, 'admin.status')}</th>{canEdit && <th scope="col">{pt(L, 'admin.actions')}</th>}</tr></thead>
          <tbody>
            {p.documents.map((d) => (
              <tr>
                <td>{d.title}</td>
                <td>{pt(L, `doc.${d.category}`)}</td>
                <td>{d.fiscalYear}</td>
                <td>{d.oitCodes.join(', ')}</td>
                <td><StatusBadge lang={L} record={d} /></td>
                {canEdit && <RowActions lang={L} href={`${b}/${d.id}`} title={d.title} />}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </EditorPage>
  )
}

/** A new document (no `doc`) or an existing one; shown again with errors and the typed values. */
export const DocumentForm = (p: { ctx: StaffPageCtx; doc?: PortalDocument | undefined } & FormState) => {
  const L = p.ctx.lang
  const b = `${editorBase(p.ctx)}/documents`
  return (
    <EditorPage ctx={p.ctx} title={pt(L, p.doc ? 'admin.editDocument' : 'admin.newDocument')}>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" enctype="multipart/form-data" action={p.doc ? `${b}/${p.doc.id}` : b} novalidate>
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
    </EditorPage>
  )
}
