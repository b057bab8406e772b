import { Hono } from 'hono'
import { z } from 'zod'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { f, formAction, formErrorsOf, type FormState, type FormValues } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { listUnits } from '../../platform/orgs/orgs.service.js'
import { intQuery, searchQuery, uuidParam, yearFilter } from '../../platform/http/params.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { toThaiDateText } from '../../platform/thai/index.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { giftsT } from './gifts.i18n.js'
import type { GiftRecord } from './gifts.schema.js'
import { ACTIONS, ASSESSMENTS, RELATIONS, giftRuleFor, reportDueOn, shippedRuleYears } from './rules.js'
import { ATTACHMENT_RULE, createGift, deleteGift, getGift, giftAttachment, listGifts, pickablePeople, updateGift, type GiftFiles, type GiftInput } from './register.js'
import { fileHeaders } from '../../platform/files/files.service.js'
import type { CheckedFile } from '../../platform/http/forms.js'
import { RegisterList } from './views/register-list.js'
import { GiftForm, type Judged } from './views/gift-form.js'
import { DeletePage } from './views/delete.js'
import { RulesPage } from './views/rules.js'

const nullable = <T,>(v: T | undefined) => v ?? null
export const GiftSchema = z.object({
  personId: f.text(36),
  receivedOn: f.thaiDate(),
  giver: f.text(300),
  relation: f.choice(RELATIONS),
  generalGiving: f.checkbox(),
  occasion: f.text(200),
  customary: f.checkbox(),
  description: f.text(1000),
  valueBaht: f.number({ min: 0, max: 9_999_999_999, maxDecimals: 2, required: true }),
  action: f.choice(ACTIONS),
  handedTo: f.optionalText(300).transform(nullable),
  handedOn: f.thaiDate({ optional: true }).transform(nullable),
  reportedTo: f.optionalText(36).transform(nullable),
  reportedOn: f.thaiDate({ optional: true }).transform(nullable),
  decision: f.optionalText(2000).transform(nullable),
  note: f.optionalText(2000).transform((v) => v ?? ''),
})
const toInput = (d: z.infer<typeof GiftSchema>): GiftInput => ({ ...d, receivedOn: d.receivedOn!, valueBaht: d.valueBaht ?? 0 })
const FILES = { photo: ATTACHMENT_RULE, handover: ATTACHMENT_RULE }
const filesOf = (f: Record<string, CheckedFile[]>): GiftFiles => ({ photo: f.photo?.[0], handover: f.handover?.[0] })
const FIELDS = ['photo', 'handover', 'personId', 'receivedOn', 'giver', 'relation', 'generalGiving', 'occasion', 'customary', 'description', 'valueBaht', 'action', 'handedTo', 'handedOn', 'reportedTo', 'reportedOn', 'decision', 'note'] as const
const labels = (L: Lang) => Object.fromEntries(FIELDS.map((k) => [k, giftsT(L, `field.${k}`)]))
const valuesOf = (r: GiftRecord): FormValues => ({
  personId: r.personId,
  receivedOn: toThaiDateText(r.receivedOn),
  giver: r.giver,
  relation: r.relation,
  generalGiving: r.generalGiving ? 'on' : '',
  occasion: r.occasion,
  customary: r.customary ? 'on' : '',
  description: r.description,
  valueBaht: r.valueBaht,
  action: r.action,
  handedTo: r.handedTo ?? '',
  handedOn: r.handedOn ? toThaiDateText(r.handedOn) : '',
  reportedTo: r.reportedTo ?? '',
  reportedOn: r.reportedOn ? toThaiDateText(r.reportedOn) : '',
  decision: r.decision ?? '',
  note: r.note,
})
const judgedOf = (r: GiftRecord): Judged => ({ assessment: r.assessment, fiscalYear: r.fiscalYear, limit: giftRuleFor(r.fiscalYear)?.limitNonRelative.baht ?? null, reportBy: r.assessment === 'over' && r.action !== 'declined' && !r.reportedOn ? reportDueOn(r.receivedOn, r.fiscalYear) : null })

/** The register's staff pages: list, record, edit, delete (with confirmation), and the rule page. */
export function registerRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/gifts`

  app.get('/gifts', requirePermission('gifts.read'), async (c) => {
    const q = searchQuery(c)
    const half = c.req.query('half') === '1' ? 1 : c.req.query('half') === '2' ? 2 : undefined
    const filter = { q, fiscalYear: yearFilter(c), half, action: ACTIONS.find((a) => a === c.req.query('action')), assessment: ASSESSMENTS.find((a) => a === c.req.query('check')), page: intQuery(c, 'page', 1, 10_000) } as const
    const units = await listUnits(ctxOf(c))
    const unit = units.find((u) => u.id === c.req.query('unit'))?.id
    return render(c, <RegisterList ctx={pageCtx(c)} base={base(c)} filter={{ ...filter, unitId: unit }} data={await listGifts(ctxOf(c), { ...filter, unitId: unit })} units={units} />)
  })

  app.get('/gifts/rules', requirePermission('gifts.read'), (c) => render(c, <RulesPage ctx={pageCtx(c)} base={base(c)} rules={shippedRuleYears().map((y) => giftRuleFor(y)!)} />))

  const newForm = async (c: StaffContext) => {
    const people = await pickablePeople(ctxOf(c))
    return (s: FormState) => <GiftForm ctx={pageCtx(c)} base={base(c)} action={`${base(c)}/new`} editing={false} people={people} {...s} />
  }
  app.get('/gifts/new', requirePermission('gifts.edit'), async (c) => render(c, (await newForm(c))({ values: { relation: 'public', action: 'kept', customary: 'on' } })))
  app.post('/gifts/new', requirePermission('gifts.edit'), async (c) =>
    formAction(c, {
      schema: GiftSchema,
      labels: labels(c.get('lang')),
      files: FILES,
      view: await newForm(c),
      submit: async (data, files) => {
        // Over the limit and not yet reported: createGift routes it to the recipient's supervisor (people contract).
        const r = await createGift(ctxOf(c), toInput(data), filesOf(files))
        flash(c, giftsT(c.get('lang'), 'created', { giver: r.giver }))
        return c.redirect(r.assessment === 'over' ? `${base(c)}/${r.id}/edit` : base(c), 303)
      },
    }),
  )

  const editForm = async (c: StaffContext, r: GiftRecord) => {
    const people = await pickablePeople(ctxOf(c))
    const attached = { photo: r.photoFileId ? `${base(c)}/${r.id}/file/photo` : null, handover: r.handoverFileId ? `${base(c)}/${r.id}/file/handover` : null }
    return (s: FormState) => <GiftForm ctx={pageCtx(c)} base={base(c)} action={`${base(c)}/${r.id}/edit`} editing people={people} judged={judgedOf(r)} attached={attached} {...s} />
  }
  app.get('/gifts/:id/edit', requirePermission('gifts.edit'), async (c) => {
    const r = await getGift(ctxOf(c), uuidParam(c))
    return render(c, (await editForm(c, r))({ values: valuesOf(r) }))
  })
  app.post('/gifts/:id/edit', requirePermission('gifts.edit'), async (c) => {
    const before = await getGift(ctxOf(c), uuidParam(c)) // 404 before reading the form
    return formAction(c, {
      schema: GiftSchema,
      labels: labels(c.get('lang')),
      files: FILES,
      view: await editForm(c, before),
      submit: async (data, files) => {
        const r = await updateGift(ctxOf(c), before.id, toInput(data), filesOf(files))
        flash(c, giftsT(c.get('lang'), 'updated', { giver: r.giver }))
        return c.redirect(base(c), 303)
      },
    })
  })

  app.get('/gifts/:id/file/:kind', requirePermission('gifts.read'), async (c) => {
    const kind = c.req.param('kind')
    if (kind !== 'photo' && kind !== 'handover') return c.notFound()
    const f = await giftAttachment(ctxOf(c), uuidParam(c), kind)
    return c.body(new Uint8Array(f.data), 200, { ...fileHeaders(f), 'Cache-Control': 'no-store' })
  })

  app.get('/gifts/:id/delete', requirePermission('gifts.edit'), async (c) => render(c, <DeletePage ctx={pageCtx(c)} base={base(c)} record={await getGift(ctxOf(c), uuidParam(c))} />))
  app.post('/gifts/:id/delete', requirePermission('gifts.edit'), async (c) => {
    const record = await getGift(ctxOf(c), uuidParam(c))
    try {
      await deleteGift(ctxOf(c), record.id)
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, <DeletePage ctx={pageCtx(c)} base={base(c)} record={record} errors={failed.errors} />, failed.status)
    }
    flash(c, giftsT(c.get('lang'), 'deleted', { giver: record.giver }))
    return c.redirect(base(c), 303)
  })
  return app
}
