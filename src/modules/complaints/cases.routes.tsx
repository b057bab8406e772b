import { Hono } from 'hono'
import type { StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { AppError } from '../../platform/http/errors.js'
import { requirePermission } from '../../platform/http/guards.js'
import { uuidParam } from '../../platform/http/params.js'
import { pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { htmlToPdf } from '../../platform/documents/pdf.js'
import { STATUSES } from './complaints.schema.js'
import { getCase, listCases } from './cases.js'
import { getCaseFile } from './case-files.js'
import { caseFileHtml } from './export.js'
import { downloadHeaders } from './download.js'
import { CaseListPage, type ListFilter } from './views/staff.js'
import { CasePage } from './views/case.js'

const FILTERS: readonly string[] = ['open', 'overdue', 'all', ...STATUSES]

/** The staff list and one case (need-to-know and audit in the use cases), its files and exports. */
export function caseRoutes() {
  const app = new Hono<StaffEnv>()
  const guard = requirePermission('complaint.assigned')

  app.get('/complaints', guard, async (c) => {
    const filter = (c.req.query('status') ?? 'open') as ListFilter
    if (!FILTERS.includes(filter)) throw new AppError('not_found', 404)
    const cases = await listCases(ctxOf(c), { status: filter === 'all' ? undefined : filter })
    return render(c, <CaseListPage ctx={pageCtx(c)} filter={filter} cases={cases} />)
  })
  app.get('/complaints/:id', guard, async (c) => render(c, <CasePage ctx={pageCtx(c)} v={await getCase(ctxOf(c), uuidParam(c))} />))
  app.get('/complaints/:id/files/:fileId', guard, async (c) => {
    const file = await getCaseFile(ctxOf(c), uuidParam(c), c.req.param('fileId'))
    return c.body(new Uint8Array(file.bytes), 200, downloadHeaders(file))
  })
  app.get('/complaints/:id/export.html', requirePermission('complaint.manage'), async (c) => {
    const v = await getCase(ctxOf(c), uuidParam(c), 'complaint.export')
    c.header('Cache-Control', 'private, no-store')
    return c.html(caseFileHtml(v, c.get('org'), c.get('lang')))
  })
  app.get('/complaints/:id/export.pdf', requirePermission('complaint.manage'), async (c) => {
    const v = await getCase(ctxOf(c), uuidParam(c), 'complaint.export')
    const pdf = await htmlToPdf(caseFileHtml(v, c.get('org'), c.get('lang')))
    return c.body(new Uint8Array(pdf), 200, downloadHeaders({ name: `complaint-${v.meta.caseNo}.pdf`, contentType: 'application/pdf', bytes: pdf }))
  })
  return app
}
