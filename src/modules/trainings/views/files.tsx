import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, FileField, SelectField, TableWrap, TextField } from '../../../platform/ui/fields.js'
import { sizeText } from '../../../platform/ui/prose.js'
import { trainingsT } from '../trainings.i18n.js'
import { FILE_KINDS, type Session } from '../trainings.schema.js'
import { REPORT_PHOTOS, type FileRow } from '../files.js'

/** A session's materials and photos: the list with downloads, an upload form (multipart, works without JavaScript). */
export const FilesPage = (p: { ctx: StaffPageCtx; base: string; session: Session; files: FileRow[] } & FormState) => {
  const L = p.ctx.lang
  const title = trainingsT(L, 'files.title')
  const url = `${p.base}/${p.session.id}`
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: trainingsT(L, 'list.title'), href: p.base }, { label: p.session.topic, href: url }, { label: title, href: `${url}/files` }]}>
      <h1>{title}</h1>
      <p>{p.session.topic}</p>
      <p>{trainingsT(L, 'files.intro', { count: REPORT_PHOTOS })}</p>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      {p.files.length === 0 ? (
        <p>{trainingsT(L, 'files.empty')}</p>
      ) : (
        <TableWrap label={title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{trainingsT(L, 'field.file')}</th>
                <th scope="col">{trainingsT(L, 'field.kind')}</th>
                <th scope="col">{trainingsT(L, 'field.caption')}</th>
                {p.ctx.can('trainings.edit') && (
                  <th scope="col">
                    <span class="visually-hidden">{trainingsT(L, 'action.delete')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {p.files.map((f) => (
                <tr>
                  <td>
                    <a href={`${url}/files/${f.id}`}>{f.meta?.name ?? f.id}</a>
                    {f.meta && <span class="muted"> ({sizeText(f.meta.size)})</span>}
                  </td>
                  <td>{trainingsT(L, `files.kind.${f.kind}`)}</td>
                  <td>{f.caption}</td>
                  {p.ctx.can('trainings.edit') && (
                    <td>
                      <a href={`${url}/files/${f.id}/delete`}>
                        {trainingsT(L, 'action.delete')}
                        <span class="visually-hidden"> {f.meta?.name}</span>
                      </a>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {p.ctx.can('trainings.edit') && (
        <form method="post" action={`${url}/files`} enctype="multipart/form-data" novalidate>
          <CsrfField ctx={p.ctx} />
          <SelectField name="kind" label={trainingsT(L, 'field.kind')} values={p.values} errors={p.errors} options={FILE_KINDS.map((k) => ({ value: k, label: trainingsT(L, `files.kind.${k}`) }))} />
          <TextField name="caption" label={trainingsT(L, 'field.caption')} values={p.values} errors={p.errors} max={300} lang={L} />
          <FileField name="file" label={trainingsT(L, 'field.file')} accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.pptx" errors={p.errors} required />
          <button type="submit">{trainingsT(L, 'files.add')}</button>
        </form>
      )}
    </StaffLayout>
  )
}
