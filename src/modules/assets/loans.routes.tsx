import { Hono } from 'hono'
import { z } from 'zod'
import type { OrgContext, OrgEnv, StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { f, formAction, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { intQuery, uuidParam, yearParam } from '../../platform/http/params.js'
import { loanRegisterXlsx } from './loan-register.js'
import { rateLimit } from '../../platform/http/rate-limit.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { currentFiscalYear } from '../../platform/thai/index.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { assetsT } from './assets.i18n.js'
import { LOAN_STATUSES } from './assets.schema.js'
import { cancelLoan, checkOutLoan, decideLoan, getLoan, lendableAssets, listLoans, requestPublicLoan, requestStaffLoan, returnLoan, trackLoan } from './loans.js'
import { LoanPage, LoansPage, PublicRequestPage, PublicSentPage, StaffRequestPage, TrackPage } from './views/loans.js'

const request = {
  assetId: z.string().trim().min(1, { message: 'v.required' }),
  startOn: f.thaiDate().transform((v) => v ?? ''),
  endOn: f.thaiDate().transform((v) => v ?? ''),
  purpose: f.text(2000),
  place: f.optionalText(300).transform((v) => v ?? ''),
}
const StaffRequest = z.object(request)
const PublicRequest = z.object({ ...request, borrowerName: f.text(200), borrowerContact: f.text(200) })
const Decide = z.object({ decision: f.choice(['approve', 'reject'] as const), note: f.optionalText(1000).transform((v) => v ?? '') })
const Checkout = z.object({ condition: f.optionalText(1000).transform((v) => v ?? '') })
const Return = z.object({ condition: f.optionalText(1000).transform((v) => v ?? ''), damaged: f.checkbox(), damageNote: f.optionalText(1000).transform((v) => v ?? '') })
const KEYS = ['assetId', 'startOn', 'endOn', 'purpose', 'place', 'borrowerName', 'borrowerContact', 'note', 'condition', 'damaged', 'damageNote'] as const
const labels = (L: Lang) => ({ ...Object.fromEntries(KEYS.map((k) => [k, assetsT(L, `lf.${k}`)])), decision: assetsT(L, 'field.status') })

/** Staff pages of loans: the list, a staff request, one loan and its steps. */
export function loansStaffRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/assets`

  app.get('/assets/loans', requirePermission('assets.borrow'), async (c) => {
    const status = LOAN_STATUSES.find((s) => s === c.req.query('status'))
    const data = await listLoans(ctxOf(c), { status, page: intQuery(c, 'page', 1, 10_000) })
    return render(c, <LoansPage ctx={pageCtx(c)} base={base(c)} status={status} data={data} fy={currentFiscalYear(new Date())} />)
  })

  app.get('/assets/loans/register/:fy/register.xlsx', requirePermission('assets.read'), async (c) => {
    const fy = yearParam(c)
    const org = c.get('org')
    const buf = await loanRegisterXlsx(ctxOf(c), fy, org.nameTh)
    return c.body(new Uint8Array(buf), 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': `attachment; filename="asset-loans-${fy}-${org.slug}.xlsx"`, 'Cache-Control': 'no-store' })
  })

  const requestForm = async (c: StaffContext) => {
    const assets = await lendableAssets(c.get('deps').db, c.get('org').id, 'staff')
    return (s: FormState) => <StaffRequestPage ctx={pageCtx(c)} base={base(c)} assets={assets} {...s} />
  }
  app.get('/assets/loans/new', requirePermission('assets.borrow'), async (c) => render(c, (await requestForm(c))({})))
  app.post('/assets/loans/new', requirePermission('assets.borrow'), async (c) =>
    formAction(c, {
      schema: StaffRequest,
      labels: labels(c.get('lang')),
      view: await requestForm(c),
      submit: async (d) => {
        const loan = await requestStaffLoan(ctxOf(c), d)
        flash(c, assetsT(c.get('lang'), 'loan.requested', { code: loan.code }))
        return c.redirect(`${base(c)}/loans/${loan.id}`, 303)
      },
    }),
  )

  app.get('/assets/loans/:id', requirePermission('assets.borrow'), async (c) => render(c, <LoanPage ctx={pageCtx(c)} base={base(c)} loan={await getLoan(ctxOf(c), uuidParam(c))} />))

  const step = <S extends z.ZodType>(form: 'decide' | 'checkout' | 'return', schema: S, run: (c: StaffContext, id: string, d: z.infer<S>) => Promise<{ code: string }>, done: (d: z.infer<S>) => 'loan.approved' | 'loan.rejected' | 'loan.checkedOut' | 'loan.returned' | 'loan.cancelled') =>
    async (c: StaffContext) => {
      const loan = await getLoan(ctxOf(c), uuidParam(c))
      return formAction(c, {
        schema,
        labels: labels(c.get('lang')),
        view: (s: FormState) => <LoanPage ctx={pageCtx(c)} base={base(c)} loan={loan} form={form} {...s} />,
        submit: async (d) => {
          const r = await run(c, loan.id, d)
          flash(c, assetsT(c.get('lang'), done(d), { code: r.code }))
          return c.redirect(`${base(c)}/loans/${loan.id}`, 303)
        },
      })
    }
  app.post('/assets/loans/:id/decide', requirePermission('assets.approve'), step('decide', Decide, (c, id, d) => decideLoan(ctxOf(c), id, d.decision === 'approve', d.note), (d) => (d.decision === 'approve' ? 'loan.approved' : 'loan.rejected')))
  app.post('/assets/loans/:id/checkout', requirePermission('assets.lend'), step('checkout', Checkout, (c, id, d) => checkOutLoan(ctxOf(c), id, d.condition), () => 'loan.checkedOut'))
  app.post('/assets/loans/:id/return', requirePermission('assets.lend'), step('return', Return, (c, id, d) => returnLoan(ctxOf(c), id, d), () => 'loan.returned'))
  app.post('/assets/loans/:id/cancel', requirePermission('assets.borrow'), step('decide', z.object({}), (c, id) => cancelLoan(ctxOf(c), id), () => 'loan.cancelled'))
  return app
}

/** The public side: the request form (no account) and following a request by its code. */
export function loansPublicRoutes() {
  const app = new Hono<OrgEnv>()
  const base = (c: OrgContext) => `${orgBase(c.get('org').slug)}/assets`
  const requestForm = async (c: OrgContext) => {
    const assets = await lendableAssets(c.get('deps').db, c.get('org').id, 'public')
    return (s: FormState) => <PublicRequestPage ctx={pageCtx(c)} base={base(c)} assets={assets} {...s} />
  }
  app.get('/assets/request', async (c) => render(c, (await requestForm(c))({ values: { assetId: c.req.query('asset') ?? '' } })))
  app.post('/assets/request', rateLimit({ name: 'asset-loan-request', max: 20, windowMs: 60 * 60_000 }), async (c) =>
    formAction(c, {
      schema: PublicRequest,
      labels: labels(c.get('lang')),
      view: await requestForm(c),
      submit: async (d) => {
        const loan = await requestPublicLoan(c.get('deps').db, c.get('org').id, d, c.get('requestId'))
        c.header('Cache-Control', 'no-store')
        return render(c, <PublicSentPage ctx={pageCtx(c)} base={base(c)} code={loan.code} />)
      },
    }),
  )
  app.get('/assets/track', async (c) => {
    const code = (c.req.query('code') ?? '').trim().slice(0, 20)
    c.header('Cache-Control', 'no-store')
    return render(c, <TrackPage ctx={pageCtx(c)} base={base(c)} code={code} loan={code ? await trackLoan(c.get('deps').db, c.get('org').id, code) : null} />)
  })
  return app
}
