import type { FormState } from '../../../platform/http/forms.js'
import { t as platformT } from '../../../platform/i18n/messages.js'
import { ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/fields.js'
import { CsrfField } from '../../../platform/ui/layout.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { pt } from '../portal.i18n.js'
import type { PortalExecutive } from '../portal.schema.js'
import { EXECUTIVE_BRANCHES, PROFILE_TEXTS } from '../portal.forms.js'
import { EditorPage, FileField, RowActions, editorBase } from './staff.js'

/** The agency's profile: the about pages' text, policies, map, survey and social links. */
export const ProfileForm = (p: { ctx: StaffPageCtx } & FormState) => {
  const L = p.ctx.lang
  return (
    <EditorPage ctx={p.ctx} title={pt(L, 'admin.profile')}>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action={`${editorBase(p.ctx)}/profile`} novalidate>
        <CsrfField ctx={p.ctx} />
        {PROFILE_TEXTS.map((k) => (
          <TextArea name={`${k}Md`} label={pt(L, `f.${k}`)} hint={pt(L, 'f.bodyHint')} values={p.values} errors={p.errors} rows={8} />
        ))}
        <TextField name="mapUrl" type="url" label={pt(L, 'f.mapUrl')} values={p.values} errors={p.errors} />
        <TextField name="surveyUrl" type="url" label={pt(L, 'f.surveyUrl')} values={p.values} errors={p.errors} />
        <TextArea name="social" label={pt(L, 'f.social')} values={p.values} errors={p.errors} rows={4} />
        <button type="submit">{platformT(L, 'form.save')}</button>
      </form>
    </EditorPage>
  )
}

/** The executives, each with a delete link, and the form that adds one (with a photo). */
export const ExecutivesPage = (p: { ctx: StaffPageCtx; executives: PortalExecutive[] } & FormState) => {
  const L = p.ctx.lang
  const b = `${editorBase(p.ctx)}/executives`
  return (
    <EditorPage ctx={p.ctx} title={pt(L, 'admin.executives')}>
      <div class="table-wrap">
        <table>
          <thead><tr><th scope="col">{pt(L, 'f.name')}</th><th scope="col">{pt(L, 'f.position')}</th><th scope="col">{pt(L, 'f.branch')}</th><th scope="col">{pt(L, 'admin.actions')}</th></tr></thead>
          <tbody>
            {p.executives.map((e) => (
              <tr>
                <td>{e.name}</td>
                <td>{e.position}</td>
                <td>{pt(L, `about.${e.branch}`)}</td>
                <RowActions lang={L} href={`${b}/${e.id}`} title={e.name} edit={false} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{pt(L, 'admin.addExecutive')}</h2>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" enctype="multipart/form-data" action={b} novalidate>
        <CsrfField ctx={p.ctx} />
        <TextField name="name" label={pt(L, 'f.name')} values={p.values} errors={p.errors} required />
        <TextField name="position" label={pt(L, 'f.position')} values={p.values} errors={p.errors} required />
        <SelectField name="branch" label={pt(L, 'f.branch')} values={p.values} errors={p.errors} options={EXECUTIVE_BRANCHES.map((x) => ({ value: x, label: pt(L, `about.${x}`) }))} />
        <TextField name="phone" label={pt(L, 'f.phone')} values={p.values} errors={p.errors} />
        <TextField name="email" type="email" label={pt(L, 'f.email')} values={p.values} errors={p.errors} />
        <TextField name="sortOrder" type="number" inputmode="numeric" label={pt(L, 'f.sortOrder')} values={p.values} errors={p.errors} />
        <FileField name="photo" label={pt(L, 'f.photo')} hint={pt(L, 'admin.photoHint')} accept=".jpg,.jpeg,.png,.webp" errors={p.errors} />
        <button type="submit">{platformT(L, 'form.save')}</button>
      </form>
    </EditorPage>
  )
}
