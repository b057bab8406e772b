import { Hono } from 'hono'
import { z } from 'zod'
import type { OrgEnv, StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { f, formAction, formErrorsOf, type FormState, type FormValues } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { intQuery, searchQuery, uuidParam } from '../../platform/http/params.js'
import { publicPage } from '../../platform/http/page-cache.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { toThaiDateText } from '../../platform/thai/index.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { assetsT } from './assets.i18n.js'
import { ASSET_STATUSES, type AssetItem } from './assets.schema.js'
import { assetChoices, createAsset, deleteAsset, getAsset, listAssets, publicLendable, updateAsset } from './assets.service.js'
import { ASSET_CATEGORIES } from './rules.js'
import { ListPage } from './views/list.js'
import { AssetForm } from './views/form.js'
import { DeletePage } from './views/delete.js'
import { PublicList } from './views/public.js'
import { digitsOf } from './views/parts.js'
import { loansPublicRoutes, loansStaffRoutes } from './loans.routes.js'

const optionalUuid = () =>
  z
    .string()
    .optional()
    .transform((v) => v || null)
    .pipe(z.uuid().nullable())
const AssetInputSchema = z.object({
  assetNo: f.text(20),
  category: f.choice(ASSET_CATEGORIES),
  name: f.text(300),
  brandModel: f.optionalText(300).transform((v) => v ?? ''),
  serial: f.optionalText(200).transform((v) => v ?? ''),
  acquiredOn: f.thaiDate({ optional: true }).transform((v) => v ?? null),
  price: f.number({ min: 0, max: 999_999_999_999, maxDecimals: 2 }),
  budgetSource: f.optionalText(300).transform((v) => v ?? ''),
  custodianUnitId: optionalUuid(),
  custodianPersonId: optionalUuid(),
  location: f.optionalText(300).transform((v) => v ?? ''),
  condition: f.optionalText(1000).transform((v) => v ?? ''),
  status: f.choice(ASSET_STATUSES),
  lendStaff: f.checkbox(),
  lendPublic: f.checkbox(),
})
const FIELDS = ['assetNo', 'category', 'name', 'brandModel', 'serial', 'acquiredOn', 'price', 'budgetSource', 'custodianUnitId', 'custodianPersonId', 'location', 'condition', 'status', 'lendStaff', 'lendPublic'] as const
const labels = (L: Lang) => Object.fromEntries(FIELDS.map((k) => [k, assetsT(L, `field.${k}`)]))
const valuesOf = (a: AssetItem): FormValues => ({
  assetNo: a.assetNo,
  category: a.category,
  name: a.name,
  brandModel: a.brandModel,
  serial: a.serial,
  acquiredOn: a.acquiredOn ? toThaiDateText(a.acquiredOn) : '',
  price: a.price ?? '',
  budgetSource: a.budgetSource,
  custodianUnitId: a.custodianUnitId ?? '',
  custodianPersonId: a.custodianPersonId ?? '',
  location: a.location,
  condition: a.condition,
  status: a.status,
  lendStaff: a.lendStaff ? 'on' : '',
  lendPublic: a.lendPublic ? 'on' : '',
})

/** Staff pages: the register, create, edit and delete (with confirmation). */
export function assetsStaffRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/assets`
  app.route('/', loansStaffRoutes())

  app.get('/assets', requirePermission('assets.read'), async (c) => {
    const filter = {
      q: searchQuery(c),
      category: ASSET_CATEGORIES.find((s) => s === c.req.query('category')),
      unitId: /^[0-9a-f-]{36}$/i.test(c.req.query('unit') ?? '') ? c.req.query('unit') : undefined,
      status: ASSET_STATUSES.find((s) => s === c.req.query('status')),
      page: intQuery(c, 'page', 1, 10_000),
    }
    const [data, choices] = [await listAssets(ctxOf(c), filter), await assetChoices(ctxOf(c))]
    return render(c, <ListPage ctx={pageCtx(c)} base={base(c)} filter={filter} data={data} choices={choices} />)
  })

  app.get('/assets/new', requirePermission('assets.edit'), async (c) => {
    const choices = await assetChoices(ctxOf(c))
    return render(c, <AssetForm ctx={pageCtx(c)} base={base(c)} action={`${base(c)}/new`} title={assetsT(c.get('lang'), 'form.newTitle')} choices={choices} values={{ status: 'in_use', category: 'office' }} />)
  })
  app.post('/assets/new', requirePermission('assets.edit'), async (c) => {
    const choices = await assetChoices(ctxOf(c))
    return formAction(c, {
      schema: AssetInputSchema,
      labels: labels(c.get('lang')),
      view: (s: FormState) => <AssetForm ctx={pageCtx(c)} base={base(c)} action={`${base(c)}/new`} title={assetsT(c.get('lang'), 'form.newTitle')} choices={choices} {...s} />,
      submit: async (data) => {
        const a = await createAsset(ctxOf(c), data)
        flash(c, assetsT(c.get('lang'), 'created', { assetNo: digitsOf(pageCtx(c), a.assetNo), name: a.name }))
        return c.redirect(base(c), 303)
      },
    })
  })

  const editForm = (c: StaffContext, a: AssetItem, choices: Awaited<ReturnType<typeof assetChoices>>) => (s: FormState) => (
    <AssetForm ctx={pageCtx(c)} base={base(c)} action={`${base(c)}/${a.id}/edit`} title={assetsT(c.get('lang'), 'form.editTitle', { assetNo: digitsOf(pageCtx(c), a.assetNo) })} choices={choices} {...s} />
  )
  app.get('/assets/:id/edit', requirePermission('assets.edit'), async (c) => {
    const a = await getAsset(ctxOf(c), uuidParam(c))
    return render(c, editForm(c, a, await assetChoices(ctxOf(c)))({ values: valuesOf(a) }))
  })
  app.post('/assets/:id/edit', requirePermission('assets.edit'), async (c) => {
    const a = await getAsset(ctxOf(c), uuidParam(c)) // 404 before reading the form
    return formAction(c, {
      schema: AssetInputSchema,
      labels: labels(c.get('lang')),
      view: editForm(c, a, await assetChoices(ctxOf(c))),
      submit: async (data) => {
        const r = await updateAsset(ctxOf(c), a.id, data)
        flash(c, assetsT(c.get('lang'), 'updated', { assetNo: digitsOf(pageCtx(c), r.assetNo) }))
        return c.redirect(base(c), 303)
      },
    })
  })

  app.get('/assets/:id/delete', requirePermission('assets.edit'), async (c) => render(c, <DeletePage ctx={pageCtx(c)} base={base(c)} asset={await getAsset(ctxOf(c), uuidParam(c))} />))
  app.post('/assets/:id/delete', requirePermission('assets.edit'), async (c) => {
    const asset = await getAsset(ctxOf(c), uuidParam(c))
    try {
      await deleteAsset(ctxOf(c), asset.id)
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, <DeletePage ctx={pageCtx(c)} base={base(c)} asset={asset} errors={failed.errors} />, failed.status)
    }
    flash(c, assetsT(c.get('lang'), 'deleted', { assetNo: digitsOf(pageCtx(c), asset.assetNo) }))
    return c.redirect(base(c), 303)
  })
  return app
}

/** The public page: what the community may borrow. */
export function assetsPublicRoutes() {
  const app = new Hono<OrgEnv>()
  app.route('/', loansPublicRoutes())
  app.get('/assets', (c) => publicPage(c, async (ctx) => <PublicList ctx={ctx} rows={await publicLendable(c.get('deps').db, ctx.org.id)} />))
  return app
}
