import { Hono } from 'hono'
import { z } from 'zod'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { f, formAction, formErrorsOf } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { AppError } from '../../platform/http/errors.js'
import { yearFilter, yearParam } from '../../platform/http/params.js'
import { publicOrigin } from '../../platform/http/urls.js'
import { linkQrSvg } from '../../platform/people/person-links.js'
import { currentFiscalHalf } from '../../platform/thai/index.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { giftsT } from './gifts.i18n.js'
import { giftRuleFor, respondentKinds } from './rules.js'
import { fileNilReturnFor, fileOwnNilReturn, issueNilLinks, myReturns, openRound, roundStatus } from './returns.js'
import { ReturnsPage } from './views/returns.js'
import { LinkSheet } from './views/link-sheet.js'
import { MinePage } from './views/mine.js'

/** The half in the path ("/:fy/:half"); anything else is 404. */
export function halfParams(c: StaffContext): { fy: number; half: 1 | 2 } {
  const fy = yearParam(c, 'fy')
  const h = c.req.param('half')
  if (h !== '1' && h !== '2') throw new AppError('not_found', 404)
  return { fy, half: h === '1' ? 1 : 2 }
}

const KIND_LABELS = { th: { local_official: 'พนักงานเทศบาล/ข้าราชการ', permanent_employee: 'ลูกจ้างประจำ', contract_employee: 'พนักงานจ้าง', executive: 'ผู้บริหาร', council_member: 'สมาชิกสภา' }, en: { local_official: 'officials', permanent_employee: 'permanent employees', contract_employee: 'contract staff', executive: 'executives', council_member: 'council members' } } as const

const PaperSchema = z.object({ personId: f.text(36) })
const MineSchema = z.object({ fy: f.fiscalYear(), half: f.choice(['1', '2']) })

/** Nil returns: the round's status, opening it, printing links, paper forms; and each person's own return. */
export function returnsRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/gifts`
  const page = async (c: StaffContext, fy: number, half: 1 | 2, errors?: Record<string, string>) =>
    <ReturnsPage ctx={pageCtx(c)} base={base(c)} round={await roundStatus(ctxOf(c), fy, half)} kinds={respondentKinds(fy).map((k) => KIND_LABELS[c.get('lang')][k]).join(', ')} hasRule={!!giftRuleFor(fy)} errors={errors} />

  app.get('/gifts/returns', requirePermission('gifts.read'), (c) => {
    const cur = currentFiscalHalf()
    const y = yearFilter(c) ?? cur.fiscalYear
    const h = c.req.query('half') === '1' ? 1 : c.req.query('half') === '2' ? 2 : cur.half
    return c.redirect(`${base(c)}/returns/${y}/${h}`, 302)
  })
  app.get('/gifts/returns/:fy/:half', requirePermission('gifts.read'), async (c) => {
    const { fy, half } = halfParams(c)
    return render(c, await page(c, fy, half))
  })

  /** A use-case refusal (409) shows the round page again with the message. */
  const orRefusal = async (c: StaffContext, fy: number, half: 1 | 2, run: () => Promise<Response>) => {
    try {
      return await run()
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, await page(c, fy, half, failed.errors), failed.status)
    }
  }
  app.post('/gifts/returns/:fy/:half/open', requirePermission('gifts.report'), async (c) => {
    const { fy, half } = halfParams(c)
    return orRefusal(c, fy, half, async () => {
      const { assigned } = await openRound(ctxOf(c), fy, half)
      flash(c, giftsT(c.get('lang'), 'returns.opened', { count: assigned }))
      return c.redirect(`${base(c)}/returns/${fy}/${half}`, 303)
    })
  })
  app.post('/gifts/returns/:fy/:half/links', requirePermission('gifts.report'), async (c) => {
    const { fy, half } = halfParams(c)
    return orRefusal(c, fy, half, async () => {
      const issued = await issueNilLinks(ctxOf(c), fy, half)
      const origin = publicOrigin(c)
      const entries = await Promise.all(
        issued.map(async (l) => {
          const url = `${origin}${orgBase(c.get('org').slug)}/gifts/return/${l.token}`
          return { personName: l.personName, position: l.position, url, qrSvg: await linkQrSvg(url) }
        }),
      )
      c.header('Cache-Control', 'no-store')
      return render(c, <LinkSheet ctx={pageCtx(c)} base={base(c)} fiscalYear={fy} half={half} entries={entries} />)
    })
  })
  app.post('/gifts/returns/:fy/:half/paper', requirePermission('gifts.edit'), async (c) => {
    const { fy, half } = halfParams(c)
    return formAction(c, {
      schema: PaperSchema,
      labels: { personId: giftsT(c.get('lang'), 'field.personId') },
      view: (s) => page(c, fy, half, s.errors),
      submit: async (data) => {
        const name = await fileNilReturnFor(ctxOf(c), data.personId, fy, half)
        flash(c, giftsT(c.get('lang'), 'returns.recorded', { name }))
        return c.redirect(`${base(c)}/returns/${fy}/${half}`, 303)
      },
    })
  })

  const mineView = async (c: StaffContext) => {
    const mine = await myReturns(ctxOf(c))
    return (s: { errors?: Record<string, string> | undefined }) => <MinePage ctx={pageCtx(c)} action={`${base(c)}/mine`} mine={mine} errors={s.errors} />
  }
  app.get('/gifts/mine', requirePermission('gifts.self'), async (c) => render(c, (await mineView(c))({})))
  app.post('/gifts/mine', requirePermission('gifts.self'), async (c) =>
    formAction(c, {
      schema: MineSchema,
      labels: { fy: giftsT(c.get('lang'), 'list.fiscalYear'), half: giftsT(c.get('lang'), 'list.half') },
      view: await mineView(c),
      submit: async (data) => {
        await fileOwnNilReturn(ctxOf(c), data.fy, data.half === '1' ? 1 : 2)
        flash(c, giftsT(c.get('lang'), 'mine.done'))
        return c.redirect(`${base(c)}/mine`, 303)
      },
    }),
  )
  return app
}
