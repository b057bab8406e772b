import type { FormState } from '../../../platform/http/forms.js'
import type { PageCtx } from '../../../platform/ui/page-context.js'
import { CsrfField, PlatformLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, TextArea, TextField } from '../../../platform/ui/fields.js'
import { formatThaiDateTime } from '../../../platform/thai/index.js'
import { at } from '../assessment.i18n.js'

export type FrameworkYear = { year: number; versions: { version: number; note: string | null; createdAt: Date | null; builtIn: boolean }[] }
/** The upload form's state: field errors and, when the JSON was read, every problem found in it. */
export type FrameworkFormState = FormState & { problems?: string[] | undefined }

const YearsTable = ({ ctx, years }: { ctx: PageCtx; years: FrameworkYear[] }) => {
  const lang = ctx.lang
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{at(lang, 'ita.years')}</th>
            <th scope="col">{at(lang, 'fw.versions')}</th>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr>
              <th scope="row">{y.year}</th>
              <td>
                <ul>
                  {y.versions.map((v, i) => (
                    <li>
                      <a href={`/admin/frameworks/${y.year}/${v.version}.json`}>{at(lang, 'fw.version', { version: v.version })}</a>
                      {v.builtIn && ` (${at(lang, 'fw.builtIn')})`}
                      {i === 0 && ` — ${at(lang, 'fw.current')}`}
                      {v.createdAt && <span class="muted"> {formatThaiDateTime(v.createdAt, { lang })}</span>}
                      {v.note && <span class="muted"> {v.note}</span>}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Every year's versions, and the form that adds a version (a JSON file or pasted JSON). */
export const FrameworksPage = ({ ctx, years, state = {} }: { ctx: PageCtx; years: FrameworkYear[]; state?: FrameworkFormState }) => {
  const lang = ctx.lang
  const errors = state.errors ?? {}
  return (
    <PlatformLayout ctx={ctx} title={at(lang, 'fw.title')}>
      <h1>{at(lang, 'fw.title')}</h1>
      <YearsTable ctx={ctx} years={years} />
      <h2>{at(lang, 'fw.add')}</h2>
      <p>{at(lang, 'fw.addHint')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      {state.problems && state.problems.length > 0 && (
        <ul class="error" id="framework-problems">
          {state.problems.map((e) => (
            <li>{e}</li>
          ))}
        </ul>
      )}
      <form method="post" action="/admin/frameworks" enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        <div class="field">
          <label for="file">{at(lang, 'fw.file')}</label>
          {errors.file && (
            <span class="error" id="file-error">
              {errors.file}
            </span>
          )}
          <input id="file" name="file" type="file" accept=".json,application/json" aria-invalid={errors.file ? 'true' : undefined} aria-describedby={errors.file ? 'file-error' : undefined} />
        </div>
        <TextArea name="json" label={at(lang, 'fw.json')} values={state.values} errors={errors} rows={8} />
        <TextField name="note" label={at(lang, 'fw.note')} values={state.values} errors={errors} />
        <button type="submit">{at(lang, 'fw.save')}</button>
      </form>
    </PlatformLayout>
  )
}
