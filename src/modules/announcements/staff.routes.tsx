import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, formErrorsOf, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { intQuery, searchQuery, uuidParam, yearQuery } from '../../platform/http/params.js'
import { listUnitsOf } from '../../platform/orgs/orgs.service.js'
import { getFileMeta } from './files.js'
import { inOrg } from '../../db/client.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { announcementsT } from './announcements.i18n.js'
import { ANNOUNCEMENT_KINDS, ANNOUNCEMENT_STATUSES } from './announcements.schema.js'
import { createAnnouncement, deleteDraft, getAnnouncement, listAnnouncements, updateDraft } from './announcements.service.js'
import { announcementLabels, announcementSchema, announcementValues } from './forms.js'
import { SCAN_RULE } from './files.js'
import { ListPage } from './views/list.js'
import { DraftForm, type UnitOption } from './views/form.js'
import { DeletePage } from './views/delete.js'

export const staffBase = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/announcements`

/** Staff pages of drafts: the list, create, edit and delete (with confirmation). */
export function draftRoutes() {
  const app = new Hono<StaffEnv>()
  const base = staffBase

  app.get('/announcements', requirePermission('announcements.read'), async (c) => {
    const q = searchQuery(c)
    const kind = ANNOUNCEMENT_KINDS.find((s) => s === c.req.query('kind'))
    const status = ANNOUNCEMENT_STATUSES.find((s) => s === c.req.query('status'))
    const filter = { q, fiscalYear: yearQuery(c), kind, status, page: intQuery(c, 'page', 1, 10_000) }
    return render(c, <ListPage ctx={pageCtx(c)} base={base(c)} filter={filter} data={await listAnnouncements(ctxOf(c), filter)} />)
  })

  const unitsOf = async (c: StaffContext): Promise<UnitOption[]> => (await listUnitsOf(c.get('deps').db, c.get('org').id)).map((u) => ({ id: u.id, nameTh: u.nameTh }))
  const newForm = (c: StaffContext, units: UnitOption[]) => (s: FormState) => <DraftForm ctx={pageCtx(c)} base={base(c)} action={`${base(c)}/new`} editing={false} units={units} {...s} />
  app.get('/announcements/new', requirePermission('announcements.edit'), async (c) => render(c, newForm(c, await unitsOf(c))({ values: { kind: 'announcement', audience: 'both', ackScope: 'staff' } })))
  app.post('/announcements/new', requirePermission('announcements.edit'), async (c) =>
    formAction(c, {
      schema: announcementSchema,
      labels: announcementLabels(c.get('lang')),
      files: { scan: SCAN_RULE },
      view: newForm(c, await unitsOf(c)),
      submit: async (data, files) => {
        const a = await createAnnouncement(ctxOf(c), data, files.scan?.[0])
        flash(c, announcementsT(c.get('lang'), 'created', { subject: a.subject }))
        return c.redirect(`${base(c)}/${a.id}`, 303)
      },
    }),
  )

  const editForm = (c: StaffContext, id: string, units: UnitOption[], fileName: string | null) => (s: FormState) => <DraftForm ctx={pageCtx(c)} base={base(c)} action={`${base(c)}/${id}/edit`} editing units={units} fileName={fileName} {...s} />
  const fileNameOf = async (c: StaffContext, fileId: string | null) => (fileId ? ((await inOrg(c.get('deps').db, c.get('org').id, (tx) => getFileMeta(tx, fileId)))?.name ?? null) : null)
  app.get('/announcements/:id/edit', requirePermission('announcements.edit'), async (c) => {
    const a = await getAnnouncement(ctxOf(c), uuidParam(c))
    if (a.status !== 'draft') return c.redirect(`${base(c)}/${a.id}/revise`, 303)
    return render(c, editForm(c, a.id, await unitsOf(c), await fileNameOf(c, a.fileId))({ values: announcementValues(a) }))
  })
  app.post('/announcements/:id/edit', requirePermission('announcements.edit'), async (c) => {
    const a = await getAnnouncement(ctxOf(c), uuidParam(c)) // 404 before reading the form
    return formAction(c, {
      schema: announcementSchema,
      labels: announcementLabels(c.get('lang')),
      files: { scan: SCAN_RULE },
      view: editForm(c, a.id, await unitsOf(c), await fileNameOf(c, a.fileId)),
      submit: async (data, files) => {
        const r = await updateDraft(ctxOf(c), a.id, data, files.scan?.[0])
        flash(c, announcementsT(c.get('lang'), 'updated', { subject: r.subject }))
        return c.redirect(`${base(c)}/${a.id}`, 303)
      },
    })
  })

  app.get('/announcements/:id/delete', requirePermission('announcements.edit'), async (c) => render(c, <DeletePage ctx={pageCtx(c)} base={base(c)} record={await getAnnouncement(ctxOf(c), uuidParam(c))} />))
  app.post('/announcements/:id/delete', requirePermission('announcements.edit'), async (c) => {
    const record = await getAnnouncement(ctxOf(c), uuidParam(c))
    try {
      await deleteDraft(ctxOf(c), record.id)
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, <DeletePage ctx={pageCtx(c)} base={base(c)} record={record} errors={failed.errors} />, failed.status)
    }
    flash(c, announcementsT(c.get('lang'), 'deleted', { subject: record.subject }))
    return c.redirect(base(c), 303)
  })
  return app
}
