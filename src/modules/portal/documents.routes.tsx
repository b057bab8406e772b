import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { uuidParam } from '../../platform/http/params.js'
import { fiscalYearOf } from '../../platform/thai/index.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { pt } from './portal.i18n.js'
import type { PortalDocument } from './portal.schema.js'
import { confirmForm, DOCUMENT_FILES, documentForm, documentValues, labels } from './portal.forms.js'
import { deleteDocument, getDocumentForEdit, listAllDocuments, saveDocument } from './documents.js'
import { DocumentForm, DocumentListPage } from './views/documents.js'
import { DeletePage } from './views/delete.js'
import { editorBase } from './views/staff.js'

/** Staff: the document library (a file or a link per document). */
export function documentStaffRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `${editorBase({ org: c.get('org') })}/documents`

  app.get('/portal/documents', requirePermission('portal.read'), async (c) => render(c, <DocumentListPage ctx={pageCtx(c)} documents={await listAllDocuments(ctxOf(c))} />))

  const form = (c: StaffContext, doc?: PortalDocument) => (s: FormState) => <DocumentForm ctx={pageCtx(c)} doc={doc} {...s} />
  app.get('/portal/documents/new', requirePermission('portal.edit'), (c) => render(c, form(c)({ values: { status: 'published', fiscalYear: String(fiscalYearOf(new Date())) } })))
  app.get('/portal/documents/:id/edit', requirePermission('portal.edit'), async (c) => {
    const doc = await getDocumentForEdit(ctxOf(c), uuidParam(c))
    return render(c, form(c, doc)({ values: documentValues(doc) }))
  })
  const submit = (c: StaffContext, doc?: PortalDocument) =>
    formAction(c, {
      schema: documentForm(c.get('lang')),
      labels: labels(c.get('lang')),
      files: DOCUMENT_FILES,
      view: form(c, doc),
      submit: async (data, files) => {
        const id = await saveDocument(ctxOf(c), doc?.id ?? null, data, files.file?.[0])
        flash(c, pt(c.get('lang'), 'admin.saved'))
        return c.redirect(`${base(c)}/${id}/edit`, 303)
      },
    })
  app.post('/portal/documents', requirePermission('portal.edit'), (c) => submit(c))
  app.post('/portal/documents/:id', requirePermission('portal.edit'), async (c) => submit(c, await getDocumentForEdit(ctxOf(c), uuidParam(c))))

  const confirm = (c: StaffContext, doc: PortalDocument) => (s: FormState) => <DeletePage ctx={pageCtx(c)} title={doc.title} action={`${base(c)}/${doc.id}/delete`} back={base(c)} {...s} />
  app.get('/portal/documents/:id/delete', requirePermission('portal.edit'), async (c) => render(c, confirm(c, await getDocumentForEdit(ctxOf(c), uuidParam(c)))({})))
  app.post('/portal/documents/:id/delete', requirePermission('portal.edit'), async (c) => {
    const doc = await getDocumentForEdit(ctxOf(c), uuidParam(c))
    return formAction(c, {
      schema: confirmForm(),
      labels: {},
      view: confirm(c, doc),
      submit: async () => {
        await deleteDocument(ctxOf(c), doc.id)
        flash(c, pt(c.get('lang'), 'admin.deleted'))
        return c.redirect(base(c), 303)
      },
    })
  })
  return app
}
