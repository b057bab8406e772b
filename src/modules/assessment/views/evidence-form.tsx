import type { PropsWithChildren } from 'hono/jsx'
import type { FormErrors, FormState, FormValues } from '../../../platform/http/forms.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { CsrfField } from '../../../platform/ui/layout.js'
import { ErrorSummary } from '../../../platform/ui/fields.js'
import { at } from '../assessment.i18n.js'

// The evidence upload form (a title and a file or a link) that can show itself again with its
// values and errors. A page holds several, so field ids carry the form's `id` as a prefix; the
// error summary links to those ids. (The platform's EvidenceForm has no values or errors yet.)

const str = (values: FormValues | undefined, k: string): string => {
  const v = values?.[k]
  return (Array.isArray(v) ? v[0] : v) ?? ''
}

const Field = ({ id, name, label, error, children }: PropsWithChildren<{ id: string; name: string; label: string; error?: string | undefined }>) => (
  <div class="field">
    <label for={`${id}-${name}`}>{label}</label>
    {error && (
      <span class="error" id={`${id}-${name}-error`}>
        {error}
      </span>
    )}
    {children}
  </div>
)

export const EvidenceUploadForm = (p: { ctx: StaffPageCtx; action: string; id: string; hidden: Record<string, string>; legend?: string | undefined; state?: FormState | undefined }) => {
  const { ctx, id } = p
  const lang = ctx.lang
  const errors: FormErrors = p.state?.errors ?? {}
  const values = p.state?.values
  const linked = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === '_form' ? k : `${id}-${k}`, v]))
  const invalid = (k: string) => (errors[k] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-${k}-error` } : {})
  return (
    <>
      <ErrorSummary ctx={ctx} errors={linked} />
      <form method="post" action={p.action} enctype="multipart/form-data" class="evidence-form">
        <CsrfField ctx={ctx} />
        {Object.entries(p.hidden).map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
        <fieldset class="field">
          <legend>{p.legend ?? at(lang, 'evidence.add')}</legend>
          <Field id={id} name="title" label={at(lang, 'evidence.name')} error={errors.title}>
            <input id={`${id}-title`} name="title" type="text" required maxlength={300} value={str(values, 'title')} {...invalid('title')} />
          </Field>
          <Field id={id} name="file" label={at(lang, 'evidence.file')} error={errors.file}>
            <input id={`${id}-file`} name="file" type="file" accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx" {...invalid('file')} />
          </Field>
          <Field id={id} name="url" label={at(lang, 'evidence.url')} error={errors.url}>
            <input id={`${id}-url`} name="url" type="url" value={str(values, 'url')} {...invalid('url')} />
          </Field>
          <button type="submit" class="secondary">
            {at(lang, 'evidence.add')}
          </button>
        </fieldset>
      </form>
    </>
  )
}
