import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, SelectField } from '../../../platform/ui/fields.js'
import { trainingsT } from '../trainings.i18n.js'
import type { Session } from '../trainings.schema.js'
import { FORMS, type AnswerForm } from '../answers.js'
import { LINK_DAYS } from '../rules.js'

/** Which form to issue single-use links for (to every signed-up person of the directory without an account). */
export const LinksPage = (p: { ctx: StaffPageCtx; base: string; session: Session } & FormState) => {
  const L = p.ctx.lang
  const title = trainingsT(L, 'links.title')
  const url = `${p.base}/${p.session.id}`
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: trainingsT(L, 'list.title'), href: p.base }, { label: p.session.topic, href: url }, { label: title, href: `${url}/links` }]}>
      <h1>{title}</h1>
      <p>{p.session.topic}</p>
      <p>{trainingsT(L, 'links.intro', { days: LINK_DAYS })}</p>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action={`${url}/links`} novalidate>
        <CsrfField ctx={p.ctx} />
        <SelectField name="form" label={trainingsT(L, 'links.form')} values={p.values} errors={p.errors} options={FORMS.map((f) => ({ value: f, label: trainingsT(L, `form.${f}`) }))} />
        <div class="actions">
          <button type="submit">{trainingsT(L, 'links.issue')}</button>
          <a href={url}>{trainingsT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}

/** The issued links, shown once (only their hashes are stored): a slip per person with the QR code, to print and cut. */
export const SlipsPage = (p: { ctx: StaffPageCtx; base: string; session: Session; form: AnswerForm; slips: { name: string; position: string; url: string; qrSvg: string }[] }) => {
  const L = p.ctx.lang
  const title = trainingsT(L, 'links.issued', { form: trainingsT(L, `form.${p.form}`), count: p.slips.length })
  const url = `${p.base}/${p.session.id}`
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: trainingsT(L, 'list.title'), href: p.base }, { label: p.session.topic, href: url }, { label: trainingsT(L, 'links.title'), href: `${url}/links` }]}>
      <h1>{title}</h1>
      <p>{p.session.topic}</p>
      {p.slips.length === 0 && <p>{trainingsT(L, 'links.none')}</p>}
      {p.slips.map((s) => (
        <div class="card">
          <h2>{s.name}</h2>
          {s.position && <p>{s.position}</p>}
          <figure>
            <div role="img" aria-label={trainingsT(L, 'links.scan')} dangerouslySetInnerHTML={{ __html: s.qrSvg }} />
            <figcaption>
              {trainingsT(L, 'links.scan')}: <a href={s.url}>{s.url}</a>
            </figcaption>
          </figure>
        </div>
      ))}
    </StaffLayout>
  )
}
