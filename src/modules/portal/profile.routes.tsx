import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { uuidParam } from '../../platform/http/params.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { pt } from './portal.i18n.js'
import type { PortalExecutive } from './portal.schema.js'
import { confirmForm, EXECUTIVE_FILES, executiveForm, labels, profileForm, profileValues } from './portal.forms.js'
import { getProfile, saveProfile } from './profile.js'
import { addExecutive, deleteExecutive, getExecutive, listExecutives } from './executives.js'
import { ExecutivesPage, ProfileForm } from './views/profile.js'
import { DeletePage } from './views/delete.js'
import { editorBase } from './views/staff.js'

/** Staff: the agency's profile (about pages, policies, links) and its executives. */
export function profileStaffRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => editorBase({ org: c.get('org') })

  const profile = (c: StaffContext) => (s: FormState) => <ProfileForm ctx={pageCtx(c)} {...s} />
  app.get('/portal/profile', requirePermission('portal.edit'), async (c) => render(c, profile(c)({ values: profileValues(await getProfile(c.get('deps').db, c.get('org').id)) })))
  app.post('/portal/profile', requirePermission('portal.edit'), (c) =>
    formAction(c, {
      schema: profileForm(c.get('lang')),
      labels: labels(c.get('lang')),
      view: profile(c),
      submit: async ({ social, ...texts }) => {
        await saveProfile(ctxOf(c), { ...texts, socialLinks: social })
        flash(c, pt(c.get('lang'), 'admin.saved'))
        return c.redirect(`${base(c)}/profile`, 303)
      },
    }),
  )

  const executives = (c: StaffContext) => async (s: FormState) => <ExecutivesPage ctx={pageCtx(c)} executives={await listExecutives(c.get('deps').db, c.get('org').id)} {...s} />
  app.get('/portal/executives', requirePermission('portal.edit'), async (c) => render(c, await executives(c)({ values: { branch: 'political', sortOrder: '0' } })))
  app.post('/portal/executives', requirePermission('portal.edit'), (c) =>
    formAction(c, {
      schema: executiveForm(),
      labels: labels(c.get('lang')),
      files: EXECUTIVE_FILES,
      view: executives(c),
      submit: async (data, files) => {
        await addExecutive(ctxOf(c), data, files.photo?.[0])
        flash(c, pt(c.get('lang'), 'admin.saved'))
        return c.redirect(`${base(c)}/executives`, 303)
      },
    }),
  )

  const confirm = (c: StaffContext, e: PortalExecutive) => (s: FormState) => <DeletePage ctx={pageCtx(c)} title={e.name} action={`${base(c)}/executives/${e.id}/delete`} back={`${base(c)}/executives`} {...s} />
  app.get('/portal/executives/:id/delete', requirePermission('portal.edit'), async (c) => render(c, confirm(c, await getExecutive(ctxOf(c), uuidParam(c)))({})))
  app.post('/portal/executives/:id/delete', requirePermission('portal.edit'), async (c) => {
    const e = await getExecutive(ctxOf(c), uuidParam(c))
    return formAction(c, {
      schema: confirmForm(),
      labels: {},
      view: confirm(c, e),
      submit: async () => {
        await deleteExecutive(ctxOf(c), e.id)
        flash(c, pt(c.get('lang'), 'admin.deleted'))
        return c.redirect(`${base(c)}/executives`, 303)
      },
    })
  })
  return app
}
