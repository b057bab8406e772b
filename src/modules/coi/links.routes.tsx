import { Hono } from 'hono'
import { z } from 'zod'
import type { OrgContext, OrgEnv, StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { f, formAction, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { publicOrigin } from '../../platform/http/urls.js'
import { linkQrSvg } from '../../platform/people/person-links.js'
import { toIsoDate, todayInBangkok, toThaiDateText } from '../../platform/thai/index.js'
import { orgBase } from '../../platform/ui/menu.js'
import { pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { coiT } from './coi.i18n.js'
import { DECLARATION_KINDS } from './coi.schema.js'
import { DeclarationSchema, declarationLabels, toDeclarationInput } from './declare.routes.js'
import { fileDeclarationByLink, issueDeclarationLink, linkCandidates, openDeclarationLink } from './links.js'
import { IssueLinkPage, LinkAnswerPage, LinkDeclarationPage, LinkSlipPage } from './views/links.js'

const IssueSchema = z.object({ personId: f.text(40), kind: f.choice(DECLARATION_KINDS) })
const noStore = (c: { header: (name: string, value: string) => void }) => {
  c.header('Cache-Control', 'no-store')
  c.header('Referrer-Policy', 'no-referrer')
}
const publicPath = (slug: string, token: string) => `${orgBase(slug)}/coi/declare/${token}`

/** An officer issues a person's single-use link to declare (shown once, with its QR code). */
export function linkStaffRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/coi`
  const form = async (c: StaffContext) => {
    const people = (await linkCandidates(ctxOf(c))).map((p) => ({ id: p.id, fullName: p.fullName, position: p.position, hasAccount: !!p.userId }))
    return (s: FormState) => <IssueLinkPage ctx={pageCtx(c)} base={base(c)} action={`${base(c)}/links`} people={people} {...s} />
  }
  app.get('/coi/links', requirePermission('coi.manage'), async (c) => {
    const kind = DECLARATION_KINDS.find((k) => k === c.req.query('kind')) ?? 'annual'
    return render(c, (await form(c))({ values: { personId: c.req.query('person') ?? '', kind } }))
  })
  app.post('/coi/links', requirePermission('coi.manage'), async (c) =>
    formAction(c, {
      schema: IssueSchema,
      labels: { personId: coiT(c.get('lang'), 'field.personId'), kind: coiT(c.get('lang'), 'field.kind') },
      view: await form(c),
      submit: async (data) => {
        const issued = await issueDeclarationLink(ctxOf(c), data.personId, data.kind)
        const url = `${publicOrigin(c)}${publicPath(c.get('org').slug, issued.token)}`
        noStore(c)
        return render(c, <LinkSlipPage ctx={pageCtx(c)} base={base(c)} personName={issued.person.fullName} position={issued.person.position} kind={issued.kind} expiresAt={issued.expiresAt} url={url} qrSvg={await linkQrSvg(url)} />)
      },
    }),
  )
  return app
}

/**
 * The public page a link opens: only the declaration form, no sign-in (CSRF-protected, works
 * without JavaScript, never cached). Bad input answers 422 with the form and the link unused; a
 * used, expired or replaced link answers 410.
 */
export function linkPublicRoutes() {
  const app = new Hono<OrgEnv>()
  const token = (c: OrgContext) => c.req.param('token') ?? ''
  const spent = (c: OrgContext) => render(c, <LinkAnswerPage ctx={pageCtx(c)} />, 410)
  app.get('/coi/declare/:token', async (c) => {
    noStore(c)
    const link = await openDeclarationLink(c.get('deps').db, c.get('org').id, token(c))
    if (!link) return spent(c)
    const values = { kind: link.kind, declaredOn: toThaiDateText(toIsoDate(todayInBangkok())) }
    return render(c, <LinkDeclarationPage ctx={pageCtx(c)} action={publicPath(c.get('org').slug, token(c))} link={link} values={values} />)
  })
  app.post('/coi/declare/:token', async (c) => {
    noStore(c)
    const db = c.get('deps').db
    const link = await openDeclarationLink(db, c.get('org').id, token(c))
    if (!link) return spent(c)
    return formAction(c, {
      schema: DeclarationSchema,
      labels: declarationLabels(c.get('lang')),
      view: (s) => <LinkDeclarationPage ctx={pageCtx(c)} action={publicPath(c.get('org').slug, token(c))} link={link} {...s} values={{ ...s.values, kind: link.kind }} />,
      submit: async (data) => {
        const done = await fileDeclarationByLink(db, c.get('org').id, token(c), toDeclarationInput({ ...data, kind: link.kind } as Parameters<typeof toDeclarationInput>[0]), c.get('requestId') ?? null)
        // Used by a second submit between the check above and now: the same answer as a used link.
        if (!done) return spent(c)
        return render(c, <LinkAnswerPage ctx={pageCtx(c)} done={done} />)
      },
    })
  })
  return app
}
