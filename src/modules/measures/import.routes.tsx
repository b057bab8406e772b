import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { AppError, InputError } from '../../platform/http/errors.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { itaBase } from '../assessment/index.js'
import { importMeasuresReportDocx } from '../reports/index.js'
import { mt } from './measures.i18n.js'
import { assertImportable, saveImported } from './import.service.js'
import { confirmLabels, confirmSchema, importedFromForm, previewValues, uploadFiles, uploadLabels, uploadSchema } from './import.forms.js'
import { PreviewPage, UploadPage } from './views/import.js'

/** Reads a file as a report; a file the importer cannot read is an error on the file field. */
async function readReport(bytes: Uint8Array) {
  try {
    return await importMeasuresReportDocx(bytes)
  } catch (e) {
    if (e instanceof AppError && e.detail) throw new InputError({ docx: e.detail })
    throw e
  }
}

/** The DOCX importer: upload (year + file) → editable preview → confirm. */
export function importRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `${itaBase(c)}/import`
  const upload = (c: StaffContext) => (s: FormState) => <UploadPage ctx={pageCtx(c)} action={base(c)} {...s} />
  const preview = (c: StaffContext) => (s: FormState) => <PreviewPage ctx={pageCtx(c)} action={`${base(c)}/confirm`} {...s} />

  app.get('/ita/import', requirePermission('measure.edit'), (c) => render(c, upload(c)({})))
  app.post('/ita/import', requirePermission('measure.edit'), (c) =>
    formAction(c, {
      schema: uploadSchema,
      labels: uploadLabels(c.get('lang')),
      files: uploadFiles,
      view: upload(c),
      submit: async ({ fiscalYear }, files) => {
        const r = await readReport(files.docx![0]!.bytes)
        // A year that already has measures is refused here, on this form, not after the preview.
        await assertImportable(ctxOf(c), fiscalYear, r)
        return render(c, preview(c)({ values: previewValues(fiscalYear, r) }))
      },
    }),
  )
  app.post('/ita/import/confirm', requirePermission('measure.edit'), (c) =>
    formAction(c, {
      schema: confirmSchema(c.get('lang')),
      labels: confirmLabels(c.get('lang')),
      view: preview(c),
      submit: async ({ fiscalYear }, _files, values) => {
        const r = await saveImported(ctxOf(c), fiscalYear, importedFromForm(values))
        flash(c, mt(c.get('lang'), 'i.saved', { measures: r.measures, indicators: r.indicators }))
        return c.redirect(`${itaBase(c)}/${fiscalYear}/measures`, 303)
      },
    }),
  )
  return app
}
