import type { FC } from 'hono/jsx'
import type { FormErrors, FormState } from '../../../platform/http/forms.js'
import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import { CsrfField, PublicLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, TextField } from '../../../platform/ui/fields.js'
import { ct } from '../complaints.i18n.js'
import type { ReporterView } from '../reporter.js'
import { publicBase } from './report.js'
import { CaseSummary, FileList, MessageForm, Messages } from './shared.js'

/**
 * The tracking-code form. It takes errors only, never values: a submitted receipt code is not
 * echoed back into the page (a wrong code field comes back empty), so a code never lands in a
 * cached page, the browser history of a shared computer, or a screenshot of the error.
 */
export const TrackPage: FC<{ ctx: OrgPageCtx; errors?: FormErrors | undefined }> = ({ ctx, errors }) => {
  const L = ctx.lang
  return (
    <PublicLayout ctx={ctx} title={ct(L, 'track.title')}>
      <h1>{ct(L, 'track.title')}</h1>
      <p>{ct(L, 'track.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`${publicBase(ctx)}/track`} novalidate>
        <CsrfField ctx={ctx} />
        <TextField name="code" label={ct(L, 'track.code')} errors={errors} required inputmode="numeric" autocomplete="off" maxlength={40} />
        <button type="submit">{ct(L, 'track.open')}</button>
      </form>
    </PublicLayout>
  )
}

/** What the reporter sees with the code: status, dates, files, the conversation and a message form. */
export const TrackCasePage: FC<FormState & { ctx: OrgPageCtx; v: ReporterView }> = ({ ctx, v, values, errors }) => {
  const L = ctx.lang
  const base = `${publicBase(ctx)}/track`
  const fileHref = (f: { id: string }) => `${base}/case/files/${f.id}`
  return (
    <PublicLayout ctx={ctx} title={ct(L, 'track.case')}>
      <h1>{ct(L, 'track.case')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        {ct(L, 'case.subject')}: <strong>{v.subject}</strong>
      </p>
      <CaseSummary ctx={ctx} meta={v.meta} />
      {v.files.length > 0 && (
        <>
          <h2>{ct(L, 'case.evidence')}</h2>
          <FileList ctx={ctx} files={v.files} href={fileHref} />
        </>
      )}
      <h2>{ct(L, 'case.messages')}</h2>
      <Messages ctx={ctx} messages={v.messages} fileHref={fileHref} />
      <h2>{ct(L, 'case.send')}</h2>
      <MessageForm ctx={ctx} action={`${base}/case/messages`} values={values} errors={errors} bodyRequired={false} />
      <form method="post" action={`${base}/leave`}>
        <CsrfField ctx={ctx} />
        <button type="submit" class="link">
          {ct(L, 'track.leave')}
        </button>
      </form>
    </PublicLayout>
  )
}
