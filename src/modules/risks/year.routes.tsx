import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { yearParam } from '../../platform/http/params.js'
import { can } from '../../platform/auth/permissions.js'
import { evidenceUses } from '../../platform/evidence/evidence.service.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { risksT } from './risks.i18n.js'
import { yearRegister } from './risks.service.js'
import { copyRegister } from './copy-year.js'
import { linkYear, targetsFor } from './targets.js'
import { MONITORING_TYPE, REGISTER_TYPE } from './contracts.js'
import { copyLabels, CopySchema, linkLabels, LinkSchema } from './forms.js'
import { assessmentDocument, documentFileName, monitoringDocument, riskDocx, riskPdf } from './risk-documents.js'
import { bandsSource, bandsText } from './views/parts.js'
import { BandsForm } from './views/bands.js'
import { bandsOfYear, saveBands } from './bands.js'
import { bandsLabels, BandsSchema, bandsValues } from './forms.js'
import { YearPage } from './views/year.js'

const base = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/risks`
const TYPES = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const
const RENDER = { docx: riskDocx, pdf: riskPdf } as const

/** A fiscal year's register: heat maps and table, the two NACC-form documents, copying to a new year, linking as evidence. */
export function yearRoutes() {
  const app = new Hono<StaffEnv>()

  const page = async (c: StaffContext, fy: number) => {
    const ctx = ctxOf(c)
    const { rows, bands } = await yearRegister(ctx, fy)
    const targets = can(ctx.actor, 'risks.edit') ? await targetsFor(ctx, fy) : []
    const uses = [...(await evidenceUses(ctx, { type: REGISTER_TYPE, id: String(fy) })), ...(await evidenceUses(ctx, { type: MONITORING_TYPE, id: String(fy) }))]
    return (s: { copy?: FormState; link?: FormState } = {}) => <YearPage ctx={pageCtx(c)} base={base(c)} year={fy} rows={rows} bands={bands} targets={targets} uses={uses} {...s} />
  }
  app.get('/risks/year/:fy', requirePermission('risks.read'), async (c) => render(c, (await page(c, yearParam(c)))()))

  for (const kind of ['assessment', 'monitoring'] as const) {
    for (const ext of ['docx', 'pdf'] as const) {
      app.get(`/risks/year/:fy/${kind}.${ext}`, requirePermission('risks.read'), async (c) => {
        const fy = yearParam(c)
        const org = c.get('org')
        const { rows, bands } = await yearRegister(ctxOf(c), fy)
        const doc = kind === 'assessment' ? assessmentDocument(org.nameTh, fy, rows, bands.bands, `${bandsText('th', bands)} (${bandsSource('th', bands)})`) : monitoringDocument(org.nameTh, fy, rows, bands.bands)
        const buf = await RENDER[ext](doc)
        return c.body(new Uint8Array(buf), 200, { 'Content-Type': TYPES[ext], 'Content-Disposition': `attachment; filename="${documentFileName(kind, fy, org.slug, ext)}"`, 'Cache-Control': 'no-store' })
      })
    }
  }

  const bandsPage = async (c: StaffContext, fy: number) => {
    const current = await bandsOfYear(ctxOf(c), fy)
    return { current, view: (s: FormState) => <BandsForm ctx={pageCtx(c)} base={base(c)} year={fy} current={current} {...s} /> }
  }
  app.get('/risks/year/:fy/bands', requirePermission('risks.edit'), async (c) => {
    const { current, view } = await bandsPage(c, yearParam(c))
    return render(c, view({ values: bandsValues(current) }))
  })
  app.post('/risks/year/:fy/bands', requirePermission('risks.edit'), async (c) => {
    const fy = yearParam(c)
    const { view } = await bandsPage(c, fy)
    return formAction(c, {
      schema: BandsSchema,
      labels: bandsLabels(c.get('lang')),
      view,
      submit: async (data) => {
        await saveBands(ctxOf(c), fy, data.reset ? null : { lowMax: data.lowMax, mediumMax: data.mediumMax, highMax: data.highMax })
        flash(c, risksT(c.get('lang'), 'bands.saved', { year: fy }))
        return c.redirect(`${base(c)}/year/${fy}`, 303)
      },
    })
  })

  app.post('/risks/year/:fy/copy', requirePermission('risks.edit'), async (c) => {
    const fy = yearParam(c)
    const view = await page(c, fy)
    return formAction(c, {
      schema: CopySchema,
      labels: copyLabels(c.get('lang')),
      view: (s) => view({ copy: s }),
      submit: async (data) => {
        const r = await copyRegister(ctxOf(c), fy, data.to)
        flash(c, risksT(c.get('lang'), 'copy.done', { from: fy, to: data.to, ...r }))
        return c.redirect(`${base(c)}/year/${data.to}`, 303)
      },
    })
  })

  app.post('/risks/year/:fy/link', requirePermission('risks.edit'), async (c) => {
    const fy = yearParam(c)
    const view = await page(c, fy)
    return formAction(c, {
      schema: LinkSchema,
      labels: linkLabels(c.get('lang')),
      view: (s) => view({ link: s }),
      submit: async (data) => {
        await linkYear(ctxOf(c), fy, data.kind, data.target)
        flash(c, risksT(c.get('lang'), 'link.done'))
        return c.redirect(`${base(c)}/year/${fy}#evidence`, 303)
      },
    })
  })
  return app
}
