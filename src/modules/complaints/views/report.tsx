import type { FC } from 'hono/jsx'
import type { FormState } from '../../../platform/http/forms.js'
import type { OrgPageCtx, PageCtx } from '../../../platform/ui/page-context.js'
import { CsrfField, PublicLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/fields.js'
import { orgBase } from '../../../platform/ui/menu.js'
import { ct } from '../complaints.i18n.js'
import { CATEGORIES } from '../complaints.schema.js'
import { formatReceiptCode } from '../receipt.js'
import { FilesInput } from './shared.js'

export const publicBase = (ctx: OrgPageCtx) => `${orgBase(ctx.org.slug)}/complaints`

/** The report fields, shared by the public form and staff intake. */
export const ReportFields: FC<FormState & { ctx: PageCtx }> = ({ ctx, values, errors }) => {
  const L = ctx.lang
  return (
    <>
      <SelectField name="category" label={ct(L, 'f.category')} values={values} errors={errors} required placeholder="" options={CATEGORIES.map((c) => ({ value: c, label: ct(L, `cat.${c}`) }))} />
      <TextField name="subject" label={ct(L, 'f.subject')} values={values} errors={errors} required maxlength={200} />
      <TextArea name="details" label={ct(L, 'f.details')} hint={ct(L, 'f.details.hint')} values={values} errors={errors} required rows={8} />
      <TextField name="whenWhere" label={ct(L, 'f.whenWhere')} values={values} errors={errors} maxlength={1000} />
      <TextField name="who" label={ct(L, 'f.who')} values={values} errors={errors} maxlength={1000} />
      <FilesInput ctx={ctx} id="files" name="files" label={ct(L, 'f.files')} error={errors?.files} />
      <fieldset class="field">
        <legend>{ct(L, 'f.contact')}</legend>
        <p class="hint">{ct(L, 'f.contact.hint')}</p>
        <TextField name="contactName" label={ct(L, 'f.contactName')} values={values} errors={errors} autocomplete="off" />
        <TextField name="contactPhone" label={ct(L, 'f.contactPhone')} values={values} errors={errors} type="text" inputmode="tel" autocomplete="off" />
        <TextField name="contactEmail" label={ct(L, 'f.contactEmail')} values={values} errors={errors} type="email" autocomplete="off" />
      </fieldset>
    </>
  )
}

/** The PDPA consent checkbox; marked invalid (and described by its error) when it was left unticked. */
const ConsentField: FC<FormState & { ctx: PageCtx }> = ({ ctx, values, errors }) => {
  const error = errors?.consent
  return (
    <>
      {error && (
        <p class="error" id="consent-error">
          {error}
        </p>
      )}
      <div class="field checkbox">
        <input id="consent" name="consent" type="checkbox" value="on" checked={!!values?.consent} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'consent-error' : undefined} />
        <label for="consent">{ct(ctx.lang, 'f.consent')}</label>
      </div>
    </>
  )
}

/** The public report form; `nonce` makes a resent form a no-op (kept when the form comes back with errors). */
export const ReportPage: FC<FormState & { ctx: OrgPageCtx; nonce: string }> = ({ ctx, values, errors, nonce }) => {
  const L = ctx.lang
  const base = publicBase(ctx)
  return (
    <PublicLayout ctx={ctx} title={ct(L, 'new.title')}>
      <h1>{ct(L, 'new.title')}</h1>
      <p>{ct(L, 'new.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`${base}/new`} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="nonce" value={nonce} />
        <ReportFields ctx={ctx} values={values} errors={errors} />
        <section aria-labelledby="pdpa-title" class="card">
          <h2 id="pdpa-title">{ct(L, 'pdpa.title')}</h2>
          <p>{ct(L, 'pdpa.text')}</p>
          <ConsentField ctx={ctx} values={values} errors={errors} />
        </section>
        <button type="submit">{ct(L, 'submit')}</button>
      </form>
      <p>
        <a href={`${base}/track`}>{ct(L, 'track.title')}</a> · <a href={`${base}/stats`}>{ct(L, 'stats.title')}</a>
      </p>
    </PublicLayout>
  )
}

/** The receipt code, grouped for reading, with its QR code (a `data:` PNG made by the route). */
export const ReceiptCode: FC<{ ctx: PageCtx; code: string; qr: string }> = ({ ctx, code, qr }) => {
  const L = ctx.lang
  const grouped = formatReceiptCode(code)
  return (
    <section aria-labelledby="receipt-code-label" class="card receipt">
      <h2 id="receipt-code-label">{ct(L, 'receipt.codeLabel')}</h2>
      <p class="receipt-code">
        <strong data-receipt-code={code}>{grouped}</strong>
      </p>
      <img src={qr} alt={`${ct(L, 'receipt.qr')}: ${grouped}`} width={220} height={220} />
      <p>{ct(L, 'receipt.once')}</p>
      <p class="muted">{ct(L, 'receipt.print')}</p>
    </section>
  )
}

/** After a report: its code (shown once), or a note that this form had already been sent. */
export const ReceiptPage: FC<{ ctx: OrgPageCtx; receipt: { code: string; qr: string } | null }> = ({ ctx, receipt }) => {
  const L = ctx.lang
  return (
    <PublicLayout ctx={ctx} title={ct(L, 'receipt.title')}>
      <h1>{ct(L, 'receipt.title')}</h1>
      {receipt ? <ReceiptCode ctx={ctx} code={receipt.code} qr={receipt.qr} /> : <p role="status">{ct(L, 'receipt.duplicate')}</p>}
      <p>
        <a href={`${publicBase(ctx)}/track`}>{ct(L, 'receipt.follow')}</a>
      </p>
    </PublicLayout>
  )
}
