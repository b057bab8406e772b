import type { OrgPageCtx, StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, PublicLayout, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, TableWrap, TextField } from '../../../platform/ui/fields.js'
import { formatThaiDate } from '../../../platform/thai/index.js'
import { trainingsT } from '../trainings.i18n.js'
import type { Certificate, Session } from '../trainings.schema.js'
import type { Verified } from '../certificates.js'
import { datesText, hoursLabel } from './parts.js'

/** The session's certificates: issue them to everyone present, download each as PDF. */
export const CertificatesPage = (p: { ctx: StaffPageCtx; base: string; session: Session; certificates: Certificate[]; verifyUrl: string } & FormState) => {
  const L = p.ctx.lang
  const title = trainingsT(L, 'certs.title')
  const url = `${p.base}/${p.session.id}`
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: trainingsT(L, 'list.title'), href: p.base }, { label: p.session.topic, href: url }, { label: title, href: `${url}/certificates` }]}>
      <h1>{title}</h1>
      <p>{p.session.topic}</p>
      <p>{trainingsT(L, 'certs.intro')}</p>
      <p>
        <a href={p.verifyUrl}>{trainingsT(L, 'verify.title')}</a>
      </p>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      {p.certificates.length === 0 ? (
        <p>{trainingsT(L, 'certs.empty')}</p>
      ) : (
        <TableWrap label={title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{trainingsT(L, 'attendance.name')}</th>
                <th scope="col">{trainingsT(L, 'certs.code')}</th>
                <th scope="col">{trainingsT(L, 'certs.pdf')}</th>
              </tr>
            </thead>
            <tbody>
              {p.certificates.map((c) => (
                <tr>
                  <td>{c.name}</td>
                  <td>
                    <code>{c.code}</code>
                  </td>
                  <td>
                    <a href={`${url}/certificates/${c.id}/pdf`}>
                      {trainingsT(L, 'certs.pdf')}
                      <span class="visually-hidden"> {c.name}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {p.ctx.can('trainings.edit') && (
        <form method="post" action={`${url}/certificates`} novalidate>
          <CsrfField ctx={p.ctx} />
          <TextField name="signerName" label={trainingsT(L, 'field.signerName')} values={p.values} errors={p.errors} required max={200} lang={L} />
          <TextField name="signerPosition" label={trainingsT(L, 'field.signerPosition')} values={p.values} errors={p.errors} max={200} lang={L} />
          <button type="submit">{trainingsT(L, 'certs.issue')}</button>
        </form>
      )}
    </StaffLayout>
  )
}

/** The agency's public check of a certificate code (GET form; works without JavaScript). */
export const VerifyPage = ({ ctx, code, result }: { ctx: OrgPageCtx; code: string; result: Verified | null | undefined }) => {
  const L = ctx.lang
  const title = trainingsT(L, 'verify.title')
  return (
    <PublicLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{trainingsT(L, 'verify.intro')}</p>
      <form method="get" action={`/o/${ctx.org.slug}/trainings/verify`} class="search-form">
        <TextField name="code" label={trainingsT(L, 'verify.code')} values={{ code }} autocomplete="off" />
        <button type="submit">{trainingsT(L, 'verify.submit')}</button>
      </form>
      {result === null && (
        <p role="status" class="badge bad">
          {trainingsT(L, 'verify.notFound')}
        </p>
      )}
      {result && (
        <section aria-labelledby="verified">
          <h2 id="verified" role="status">
            {trainingsT(L, 'verify.ok', { org: ctx.org.nameTh })}
          </h2>
          <dl class="facts">
            <dt>{trainingsT(L, 'certs.code')}</dt>
            <dd>{result.code}</dd>
            <dt>{trainingsT(L, 'verify.name')}</dt>
            <dd>{result.name}</dd>
            <dt>{trainingsT(L, 'verify.course')}</dt>
            <dd>{result.topic}</dd>
            <dt>{trainingsT(L, 'verify.dates')}</dt>
            <dd>
              {datesText(L, result)} ({hoursLabel(L, result.hours)})
            </dd>
            <dt>{trainingsT(L, 'verify.issuedOn')}</dt>
            <dd>{formatThaiDate(result.issuedOn, { lang: L })}</dd>
            <dt>{trainingsT(L, 'verify.signer')}</dt>
            <dd>{[result.signerName, result.signerPosition].filter(Boolean).join(' ')}</dd>
          </dl>
        </section>
      )}
    </PublicLayout>
  )
}
