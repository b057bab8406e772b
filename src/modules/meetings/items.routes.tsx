import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, formErrorsOf, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { uuidParam } from '../../platform/http/params.js'
import { evidenceUses } from '../../platform/evidence/evidence.service.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { meetingsT } from './meetings.i18n.js'
import type { AgendaItem } from './meetings.schema.js'
import { addItem, deleteItem, getItem, updateItem } from './agenda.js'
import { getMeeting } from './meetings.service.js'
import { EVIDENCE_TYPE } from './contracts.js'
import { itemLabels, ItemSchema, itemValues, LinkSchema } from './forms.js'
import { linkItem, targetsFor } from './targets.js'
import { ItemForm } from './views/item-form.js'
import { ConfirmPage } from './views/confirm.js'

const baseOf = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/meetings`

/** Agenda items: add, edit with minutes and resolution, delete (with confirmation), link as evidence. */
export function itemRoutes() {
  const app = new Hono<StaffEnv>()
  const base = baseOf

  const form = async (c: StaffContext, meetingId: string, item: AgendaItem | null) => {
    const meeting = await getMeeting(ctxOf(c), meetingId)
    const uses = item ? await evidenceUses(ctxOf(c), { type: EVIDENCE_TYPE, id: item.id }) : []
    const targets = item ? await targetsFor(ctxOf(c), meeting.fiscalYear) : []
    const action = item ? `${base(c)}/${meeting.id}/items/${item.id}` : `${base(c)}/${meeting.id}/items/new`
    return { meeting, view: (s: FormState & { link?: FormState }) => <ItemForm ctx={pageCtx(c)} base={base(c)} meeting={meeting} item={item} action={action} uses={uses} targets={targets} {...s} /> }
  }
  const item = (c: StaffContext) => getItem(ctxOf(c), uuidParam(c), uuidParam(c, 'itemId'))

  app.get('/meetings/:id/items/new', requirePermission('meetings.edit'), async (c) => {
    const section = c.req.query('section')
    return render(c, (await form(c, uuidParam(c), null)).view({ values: { section: section && /^[1-6]$/.test(section) ? section : '4' } }))
  })
  app.post('/meetings/:id/items/new', requirePermission('meetings.edit'), async (c) => {
    const { meeting, view } = await form(c, uuidParam(c), null)
    return formAction(c, {
      schema: ItemSchema,
      labels: itemLabels(c.get('lang')),
      view,
      submit: async (data) => {
        const i = await addItem(ctxOf(c), meeting.id, data)
        flash(c, meetingsT(c.get('lang'), 'item.created', { title: i.title }))
        return c.redirect(`${base(c)}/${meeting.id}#item-${i.id}`, 303)
      },
    })
  })
  app.get('/meetings/:id/items/:itemId', requirePermission('meetings.edit'), async (c) => {
    const i = await item(c)
    return render(c, (await form(c, i.meetingId, i)).view({ values: itemValues(i) }))
  })
  app.post('/meetings/:id/items/:itemId', requirePermission('meetings.edit'), async (c) => {
    const i = await item(c)
    const { view } = await form(c, i.meetingId, i)
    return formAction(c, {
      schema: ItemSchema,
      labels: itemLabels(c.get('lang')),
      view,
      submit: async (data) => {
        const r = await updateItem(ctxOf(c), i.meetingId, i.id, data)
        flash(c, meetingsT(c.get('lang'), 'item.updated', { title: r.title }))
        return c.redirect(`${base(c)}/${i.meetingId}#item-${i.id}`, 303)
      },
    })
  })
  app.post('/meetings/:id/items/:itemId/link', requirePermission('meetings.edit'), async (c) => {
    const i = await item(c)
    const { meeting, view } = await form(c, i.meetingId, i)
    return formAction(c, {
      schema: LinkSchema,
      labels: { target: meetingsT(c.get('lang'), 'field.target') },
      view: (s) => view({ values: itemValues(i), link: s }),
      submit: async (data) => {
        await linkItem(ctxOf(c), meeting, i, data.target)
        flash(c, meetingsT(c.get('lang'), 'evidence.linked'))
        return c.redirect(`${base(c)}/${meeting.id}/items/${i.id}`, 303)
      },
    })
  })

  const confirm = (c: StaffContext, i: AgendaItem, errors?: Record<string, string>) => (
    <ConfirmPage ctx={pageCtx(c)} title={meetingsT(c.get('lang'), 'item.deleteTitle', { title: i.title })} intro={meetingsT(c.get('lang'), 'delete.intro')} action={`${base(c)}/${i.meetingId}/items/${i.id}/delete`} back={`${base(c)}/${i.meetingId}/items/${i.id}`} errors={errors} />
  )
  app.get('/meetings/:id/items/:itemId/delete', requirePermission('meetings.edit'), async (c) => render(c, confirm(c, await item(c))))
  app.post('/meetings/:id/items/:itemId/delete', requirePermission('meetings.edit'), async (c) => {
    const i = await item(c)
    try {
      await deleteItem(ctxOf(c), i.meetingId, i.id)
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, confirm(c, i, failed.errors), failed.status)
    }
    flash(c, meetingsT(c.get('lang'), 'item.deleted', { title: i.title }))
    return c.redirect(`${base(c)}/${i.meetingId}`, 303)
  })
  return app
}
