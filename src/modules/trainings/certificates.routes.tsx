import { Hono } from 'hono'
import type { OrgEnv, StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { uuidParam } from '../../platform/http/params.js'
import { publicOrigin } from '../../platform/http/urls.js'
import { linkQrSvg } from '../../platform/people/person-links.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { trainingsT } from './trainings.i18n.js'
import { certificateOf, certificatesOf, issueCertificates, verifyCertificate } from './certificates.js'
import { certificateDoc, certificatePdf } from './certificate-document.js'
import { signerLabels, SignerSchema } from './forms.js'
import { CertificatesPage, VerifyPage } from './views/certificates.js'

const verifyPath = (slug: string) => `${orgBase(slug)}/trainings/verify`

/** Certificates per attendee present: issue, list, each as PDF with its verification code. */
export function certificateStaffRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/trainings`
  const page = async (c: StaffContext, id: string) => {
    const data = await certificatesOf(ctxOf(c), id)
    return { data, view: (s: FormState) => <CertificatesPage ctx={pageCtx(c)} base={base(c)} session={data.session} certificates={data.certificates} verifyUrl={verifyPath(c.get('org').slug)} {...s} /> }
  }
  app.get('/trainings/:id/certificates', requirePermission('trainings.read'), async (c) => render(c, (await page(c, uuidParam(c))).view({})))
  app.post('/trainings/:id/certificates', requirePermission('trainings.edit'), async (c) => {
    const { data, view } = await page(c, uuidParam(c))
    return formAction(c, {
      schema: SignerSchema,
      labels: signerLabels(c.get('lang')),
      view,
      submit: async (input) => {
        const n = await issueCertificates(ctxOf(c), data.session.id, input)
        flash(c, trainingsT(c.get('lang'), 'certs.issued', { count: n }))
        return c.redirect(`${base(c)}/${data.session.id}/certificates`, 303)
      },
    })
  })
  app.get('/trainings/:id/certificates/:cid/pdf', requirePermission('trainings.read'), async (c) => {
    const { session, certificate } = await certificateOf(ctxOf(c), uuidParam(c), uuidParam(c, 'cid'))
    const url = `${publicOrigin(c)}${verifyPath(c.get('org').slug)}?code=${certificate.code}`
    const buf = await certificatePdf(certificateDoc(session, certificate, c.get('org').nameTh, url, await linkQrSvg(url)))
    return c.body(new Uint8Array(buf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="certificate-${certificate.code}.pdf"`, 'Cache-Control': 'no-store' })
  })
  return app
}

/** The public check of a certificate code (not cached: each code is its own answer). */
export function certificatePublicRoutes() {
  const app = new Hono<OrgEnv>()
  app.get('/trainings/verify', async (c) => {
    const code = (c.req.query('code') ?? '').slice(0, 40)
    const result = code.trim() ? await verifyCertificate(c.get('deps').db, c.get('org').id, code) : undefined
    c.header('Cache-Control', 'no-store')
    return render(c, <VerifyPage ctx={pageCtx(c)} code={code} result={result} />, result === null ? 404 : 200)
  })
  return app
}
