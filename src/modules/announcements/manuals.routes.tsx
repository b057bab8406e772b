import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, formErrorsOf, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { intQuery, searchQuery, uuidParam, yearQuery } from '../../platform/http/params.js'
import { AppError } from '../../platform/http/errors.js'
import { listUnitsOf } from '../../platform/orgs/orgs.service.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { inOrg } from '../../db/client.js'
import { fileHeaders, getFile, getFileMeta } from './files.js'
import { manualsT } from './manuals.i18n.js'
import { MANUAL_KINDS, MANUAL_STATES } from './manuals.schema.js'
import { acknowledgeManual, approveManual, createManual, deleteManualDraft, getManual, listManuals, manualProgress, reviseManual, updateManualDraft, type ManualDetail } from './manuals.js'
import { MANUAL_FILE_RULE, manualLabels, manualRevisionSchema, manualSchema, manualValues } from './manuals.forms.js'
import { ManualDeletePage, ManualDetailPage, ManualForm, ManualListPage, ManualReviseForm } from './views/manuals.js'
import type { UnitOption } from './views/form.js'
import { readBody } from '../../platform/http/body.js'
import { dayText } from '../../platform/ui/prose.js'
import { announcementsT } from './announcements.i18n.js'
import { paperLabels, paperSchema } from './forms.js'
import { issueManualAckLinks, recordManualPaperAcks } from './manuals.ack.js'
import { linkSlips, linkUrlOf } from './link-slips.js'
import { LinksSheet } from './views/links.js'
import { countText } from './views/shared.js'

const base = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/manuals`

/** Staff pages of manuals (/admin/manuals…). */
export function manualStaffRoutes() {
  const app = new Hono<StaffEnv>()
  const L = (c: StaffContext) => c.get('lang')
  const unitsOf = async (c: StaffContext): Promise<UnitOption[]> => (await listUnitsOf(c.get('deps').db, c.get('org').id)).map((u) => ({ id: u.id, nameTh: u.nameTh }))
  const publicPath = (c: StaffContext, d: ManualDetail) => (d.current && d.m.audience === 'public' ? `/o/${c.get('org').slug}/manuals/${d.m.id}` : null)
  const detail = async (c: StaffContext, id: string, errors?: FormState['errors'], paper?: FormState) => {
    const d = await getManual(ctxOf(c), id)
    return <ManualDetailPage ctx={pageCtx(c)} base={base(c)} d={d} progress={await manualProgress(ctxOf(c), d)} publicPath={publicPath(c, d)} errors={errors} paper={paper} />
  }
  /** An action's refusal (409) shows the manual's page again with the message. */
  const act = async (c: StaffContext, id: string, run: () => Promise<string>) => {
    try {
      flash(c, await run())
      return c.redirect(`${base(c)}/${id}`, 303)
    } catch (e) {
      const failed = formErrorsOf(e, L(c))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, await detail(c, id, failed.errors), failed.status)
    }
  }

  app.get('/manuals', requirePermission('manuals.read'), async (c) => {
    const filter = {
      q: searchQuery(c),
      unitId: c.req.query('unit') || undefined,
      kind: MANUAL_KINDS.find((k) => k === c.req.query('kind')),
      state: MANUAL_STATES.find((s) => s === c.req.query('state')),
      overdue: c.req.query('review') === 'overdue' || undefined,
      fiscalYear: yearQuery(c),
      page: intQuery(c, 'page', 1, 10_000),
    }
    return render(c, <ManualListPage ctx={pageCtx(c)} base={base(c)} filter={filter} data={await listManuals(ctxOf(c), filter)} units={await unitsOf(c)} />)
  })

  const newForm = (c: StaffContext, units: UnitOption[]) => (s: FormState) => <ManualForm ctx={pageCtx(c)} base={base(c)} action={`${base(c)}/new`} editing={false} units={units} {...s} />
  app.get('/manuals/new', requirePermission('manuals.edit'), async (c) => render(c, newForm(c, await unitsOf(c))({ values: { kind: 'operation', audience: 'public', ackRequired: 'on' } })))
  app.post('/manuals/new', requirePermission('manuals.edit'), async (c) =>
    formAction(c, {
      schema: manualSchema,
      labels: manualLabels(L(c)),
      files: { file: MANUAL_FILE_RULE },
      view: newForm(c, await unitsOf(c)),
      submit: async (data, files) => {
        const m = await createManual(ctxOf(c), data, files.file?.[0])
        flash(c, manualsT(L(c), 'created', { title: m.title }))
        return c.redirect(`${base(c)}/${m.id}`, 303)
      },
    }),
  )

  app.get('/manuals/:id', requirePermission('manuals.read'), async (c) => render(c, await detail(c, uuidParam(c))))
  app.get('/manuals/:id/file/:version{[0-9]{1,4}}', requirePermission('manuals.read'), async (c) => {
    const d = await getManual(ctxOf(c), uuidParam(c))
    const v = d.versions.find((x) => x.version === Number(c.req.param('version')))
    const f = v?.fileId ? await inOrg(c.get('deps').db, d.m.orgId, (tx) => getFile(tx, v.fileId!)) : undefined
    if (!f) throw new AppError('not_found', 404)
    return c.body(new Uint8Array(f.data), 200, fileHeaders(f))
  })

  const editForm = (c: StaffContext, id: string, units: UnitOption[], fileName: string | null) => (s: FormState) => <ManualForm ctx={pageCtx(c)} base={base(c)} action={`${base(c)}/${id}/edit`} editing units={units} fileName={fileName} {...s} />
  const draftFileName = async (c: StaffContext, d: ManualDetail) => (d.draft?.fileId ? ((await inOrg(c.get('deps').db, d.m.orgId, (tx) => getFileMeta(tx, d.draft!.fileId!)))?.name ?? null) : null)
  app.get('/manuals/:id/edit', requirePermission('manuals.edit'), async (c) => {
    const d = await getManual(ctxOf(c), uuidParam(c))
    if (!d.draft) return c.redirect(`${base(c)}/${d.m.id}`, 303)
    return render(c, editForm(c, d.m.id, await unitsOf(c), await draftFileName(c, d))({ values: manualValues(d) }))
  })
  app.post('/manuals/:id/edit', requirePermission('manuals.edit'), async (c) => {
    const d = await getManual(ctxOf(c), uuidParam(c)) // 404 before reading the form
    return formAction(c, {
      schema: manualSchema,
      labels: manualLabels(L(c)),
      files: { file: MANUAL_FILE_RULE },
      view: editForm(c, d.m.id, await unitsOf(c), await draftFileName(c, d)),
      submit: async (data, files) => {
        const m = await updateManualDraft(ctxOf(c), d.m.id, data, files.file?.[0])
        flash(c, manualsT(L(c), 'updated', { title: m.title }))
        return c.redirect(`${base(c)}/${m.id}`, 303)
      },
    })
  })

  const reviseForm = (c: StaffContext, d: ManualDetail) => (s: FormState) => <ManualReviseForm ctx={pageCtx(c)} base={base(c)} d={d} {...s} />
  app.get('/manuals/:id/revise', requirePermission('manuals.edit'), async (c) => {
    const d = await getManual(ctxOf(c), uuidParam(c))
    if (!d.current || d.draft) return c.redirect(`${base(c)}/${d.m.id}`, 303)
    return render(c, reviseForm(c, d)({ values: { ...manualValues(d), effectiveOn: '', nextReviewOn: '' } }))
  })
  app.post('/manuals/:id/revise', requirePermission('manuals.edit'), async (c) => {
    const d = await getManual(ctxOf(c), uuidParam(c))
    return formAction(c, {
      schema: manualRevisionSchema,
      labels: manualLabels(L(c)),
      files: { file: MANUAL_FILE_RULE },
      view: reviseForm(c, d),
      submit: async (data, files) => {
        const v = await reviseManual(ctxOf(c), d.m.id, data, files.file?.[0])
        flash(c, manualsT(L(c), 'revised', { version: v.version }))
        return c.redirect(`${base(c)}/${d.m.id}`, 303)
      },
    })
  })

  app.post('/manuals/:id/approve', requirePermission('manuals.approve'), async (c) => {
    const id = uuidParam(c)
    return act(c, id, async () => {
      const { m, version } = await approveManual(ctxOf(c), id)
      return manualsT(L(c), 'approved', { title: m.title, version: version.version })
    })
  })
  app.post('/manuals/:id/ack', requirePermission('announcements.acknowledge'), async (c) => {
    const id = (await getManual(ctxOf(c), uuidParam(c), 'announcements.acknowledge')).m.id
    if (!c.get('actor').permissions.has('manuals.read')) {
      await acknowledgeManual(ctxOf(c), id)
      return c.redirect(`${orgBase(c.get('org').slug)}/admin`, 303)
    }
    return act(c, id, async () => manualsT(L(c), (await acknowledgeManual(ctxOf(c), id)) ? 'ack.thanks' : 'ack.already'))
  })

  // Those without an account acknowledge by a single-use link (shown once, on the answer to this POST) or on paper.
  app.post('/manuals/:id/links', requirePermission('manuals.edit'), async (c) => {
    const d = await getManual(ctxOf(c), uuidParam(c))
    const all = (await readBody(c)).values['all'] === '1'
    let issued
    try {
      issued = await issueManualAckLinks(ctxOf(c), d.m.id, { withAccounts: all, urlOf: linkUrlOf(c, 'manuals/ack') })
    } catch (e) {
      const failed = formErrorsOf(e, L(c))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, await detail(c, d.m.id, failed.errors), failed.status)
    }
    const slips = await linkSlips(c, issued.links, 'manuals/ack')
    const trail = [{ label: manualsT(L(c), 'list.title'), href: base(c) }, { label: d.m.title, href: `${base(c)}/${d.m.id}` }]
    const caption = `${manualsT(L(c), `kind.${d.m.kind}`)} ${d.m.title} (${manualsT(L(c), 'sheet.dated', { version: countText(pageCtx(c), issued.m.currentVersion ?? 0), date: d.current ? dayText(pageCtx(c), d.current.effectiveOn) : '' })})`
    return render(c, <LinksSheet ctx={pageCtx(c)} title={manualsT(L(c), 'links.title', { title: d.m.title })} trail={trail} caption={caption} slips={slips} />)
  })
  app.post('/manuals/:id/paper', requirePermission('manuals.edit'), async (c) => {
    const id = (await getManual(ctxOf(c), uuidParam(c))).m.id
    return formAction(c, {
      schema: paperSchema,
      labels: paperLabels(L(c)),
      view: async (s) => detail(c, id, s.errors, s),
      submit: async (data) => {
        const n = await recordManualPaperAcks(ctxOf(c), id, data.personIds)
        flash(c, announcementsT(L(c), 'paperRecorded', { count: n }))
        return c.redirect(`${base(c)}/${id}`, 303)
      },
    })
  })

  app.get('/manuals/:id/delete', requirePermission('manuals.edit'), async (c) => render(c, <ManualDeletePage ctx={pageCtx(c)} base={base(c)} d={await getManual(ctxOf(c), uuidParam(c))} />))
  app.post('/manuals/:id/delete', requirePermission('manuals.edit'), async (c) => {
    const d = await getManual(ctxOf(c), uuidParam(c))
    try {
      await deleteManualDraft(ctxOf(c), d.m.id)
    } catch (e) {
      const failed = formErrorsOf(e, L(c))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, <ManualDeletePage ctx={pageCtx(c)} base={base(c)} d={d} errors={failed.errors} />, failed.status)
    }
    flash(c, manualsT(L(c), 'deleted', { title: d.m.title }))
    return c.redirect(d.current ? `${base(c)}/${d.m.id}` : base(c), 303)
  })
  return app
}
