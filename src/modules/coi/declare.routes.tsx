import { Hono } from 'hono'
import { z } from 'zod'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { f, formAction, formErrorsOf, type FormState, type FormValues } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { AppError, InputError, type Localized } from '../../platform/http/errors.js'
import { uuidParam } from '../../platform/http/params.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { toIsoDate, todayInBangkok, toThaiDateText } from '../../platform/thai/index.js'
import { orgBase } from '../../platform/ui/menu.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { coiT } from './coi.i18n.js'
import { COMMITTEE_ROLES, COMMITTEES, DECLARATION_KINDS, type InterestRow } from './coi.schema.js'
import { declarantOf, fileOwnDeclaration, getDeclaration, INTEREST_ROWS, latestOwnInterests, myDeclarations, recordDeclarationFor, removeDeclaration, reviewDeclaration, type DeclarationInput, type InterestInput } from './declarations.js'
import { INTEREST_KINDS, normalizeJuristicId, RELATIONS, type InterestKind, type Relation } from './matcher.js'
import { DeclarationForm } from './views/declaration-form.js'
import { DeclarationPage, RemovePage } from './views/declaration.js'
import { MinePage } from './views/mine.js'

const ROW_FIELDS = ['kind', 'relation', 'holderName', 'partyName', 'juristicId', 'detail'] as const
const blankable = <const T extends readonly [string, ...string[]]>(values: T) => z.union([z.literal(''), z.enum(values)]).optional()
const rowShape: Record<string, z.ZodType> = {}
for (let i = 0; i < INTEREST_ROWS; i++) {
  rowShape[`i${i}_kind`] = blankable(INTEREST_KINDS)
  rowShape[`i${i}_relation`] = blankable(RELATIONS)
  rowShape[`i${i}_holderName`] = f.optionalText(200)
  rowShape[`i${i}_partyName`] = f.optionalText(300)
  rowShape[`i${i}_juristicId`] = f.optionalText(40)
  rowShape[`i${i}_detail`] = f.optionalText(1000)
}
export const DeclarationSchema = z.object({
  kind: f.choice(DECLARATION_KINDS),
  declaredOn: f.thaiDate(),
  committee: blankable(COMMITTEES),
  committeeRole: blankable(COMMITTEE_ROLES),
  project: f.optionalText(300),
  bidders: f.optionalText(3000),
  noInterest: f.checkbox(),
  note: f.optionalText(2000),
  ...rowShape,
})
type Parsed = z.infer<typeof DeclarationSchema> & Record<string, unknown>

const loc = (key: Parameters<typeof coiT>[1], params?: Record<string, string | number>): Localized => ({ th: coiT('th', key, params), en: coiT('en', key, params) })

/** The form's values as a use-case input; a half-filled interest row is an error on its own field. */
export function toDeclarationInput(d: Parsed): DeclarationInput {
  const errors: Record<string, Localized> = {}
  const interests: InterestInput[] = []
  for (let i = 0; i < INTEREST_ROWS; i++) {
    const v = (k: (typeof ROW_FIELDS)[number]) => (d[`i${i}_${k}`] as string | undefined) ?? ''
    const filled = v('holderName') || v('partyName') || v('juristicId') || v('detail')
    if (!filled) continue
    const kind = v('kind') as InterestKind | ''
    const relation = (v('relation') || 'self') as Relation
    if (!kind) errors[`i${i}_kind`] = loc('v.interestKind', { n: i + 1 })
    if (!v('holderName') && !v('partyName')) errors[`i${i}_partyName`] = loc('v.interestParty', { n: i + 1 })
    if (relation !== 'self' && !v('holderName')) errors[`i${i}_holderName`] = loc('v.holderName', { n: i + 1 })
    const juristicId = v('juristicId') ? normalizeJuristicId(v('juristicId')) : null
    if (v('juristicId') && !juristicId) errors[`i${i}_juristicId`] = loc('v.juristicId', { n: i + 1 })
    if (kind) interests.push({ kind, relation, holderName: v('holderName'), partyName: v('partyName'), juristicId, detail: v('detail') })
  }
  if (Object.keys(errors).length) throw new InputError(errors)
  return {
    kind: d.kind,
    declaredOn: d.declaredOn!,
    committee: d.committee || null,
    committeeRole: d.committeeRole || null,
    project: d.project ?? null,
    bidders: d.bidders ?? '',
    noInterest: d.noInterest,
    note: d.note ?? '',
    interests,
  }
}

export function declarationLabels(L: Lang): Record<string, string> {
  const out: Record<string, string> = {
    kind: coiT(L, 'field.kind'), declaredOn: coiT(L, 'field.declaredOn'), committee: coiT(L, 'field.committee'), committeeRole: coiT(L, 'field.committeeRole'),
    project: coiT(L, 'field.project'), bidders: coiT(L, 'field.bidders'), noInterest: coiT(L, 'field.noInterest'), note: coiT(L, 'field.note'),
  }
  const names = { kind: 'field.interestKind', relation: 'field.relation', holderName: 'field.holderName', partyName: 'field.partyName', juristicId: 'field.juristicId', detail: 'field.detail' } as const
  for (let i = 0; i < INTEREST_ROWS; i++) for (const k of ROW_FIELDS) out[`i${i}_${k}`] = coiT(L, 'form.rowField', { n: i + 1, field: coiT(L, names[k]) })
  return out
}

const today = () => toIsoDate(todayInBangkok())
function startValues(kind: string | undefined, interests: InterestRow[]): FormValues {
  const values: FormValues = { kind: DECLARATION_KINDS.find((k) => k === kind) ?? 'annual', declaredOn: toThaiDateText(today()) }
  interests.slice(0, INTEREST_ROWS).forEach((r, i) => {
    values[`i${i}_kind`] = r.kind
    values[`i${i}_relation`] = r.relation
    values[`i${i}_holderName`] = r.holderName
    values[`i${i}_partyName`] = r.partyName
    values[`i${i}_juristicId`] = r.juristicId ?? ''
    values[`i${i}_detail`] = r.detail
  })
  return values
}

/** Filing one's own declaration, an officer recording a paper one, reading, reviewing and removing one. */
export function declareRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `${orgBase(c.get('org').slug)}/admin/coi`

  app.get('/coi/mine', requirePermission('coi.self'), async (c) => {
    const mine = await myDeclarations(ctxOf(c))
    return render(c, <MinePage ctx={pageCtx(c)} base={base(c)} mine={mine && { personName: mine.person.fullName, rows: mine.rows }} />)
  })

  const ownForm = (c: StaffContext, personName: string) => (s: FormState) => <DeclarationForm ctx={pageCtx(c)} base={base(c)} action={`${base(c)}/declare`} back={`${base(c)}/mine`} personName={personName} {...s} />
  app.get('/coi/declare', requirePermission('coi.self'), async (c) => {
    const mine = await myDeclarations(ctxOf(c))
    if (!mine) return c.redirect(`${base(c)}/mine`, 303)
    const kind = c.req.query('kind')
    return render(c, ownForm(c, mine.person.fullName)({ values: startValues(kind, kind === 'appointment' ? [] : await latestOwnInterests(ctxOf(c))) }))
  })
  app.post('/coi/declare', requirePermission('coi.self'), async (c) => {
    const mine = await myDeclarations(ctxOf(c))
    if (!mine) return c.redirect(`${base(c)}/mine`, 303)
    return formAction(c, {
      schema: DeclarationSchema,
      labels: declarationLabels(c.get('lang')),
      view: ownForm(c, mine.person.fullName),
      submit: async (data) => {
        await fileOwnDeclaration(ctxOf(c), toDeclarationInput(data as Parsed))
        flash(c, coiT(c.get('lang'), 'declared'))
        return c.redirect(`${base(c)}/mine`, 303)
      },
    })
  })

  const paperForm = (c: StaffContext, personId: string, personName: string) => (s: FormState) => <DeclarationForm ctx={pageCtx(c)} base={base(c)} action={`${base(c)}/people/${personId}/declare`} back={base(c)} personName={personName} {...s} />
  app.get('/coi/people/:personId/declare', requirePermission('coi.manage'), async (c) => {
    const p = await declarantOf(ctxOf(c), uuidParam(c, 'personId'))
    return render(c, paperForm(c, p.id, p.fullName)({ values: startValues(c.req.query('kind'), []) }))
  })
  app.post('/coi/people/:personId/declare', requirePermission('coi.manage'), async (c) => {
    const p = await declarantOf(ctxOf(c), uuidParam(c, 'personId'))
    return formAction(c, {
      schema: DeclarationSchema,
      labels: declarationLabels(c.get('lang')),
      view: paperForm(c, p.id, p.fullName),
      submit: async (data) => {
        await recordDeclarationFor(ctxOf(c), p.id, toDeclarationInput(data as Parsed))
        flash(c, coiT(c.get('lang'), 'recorded', { name: p.fullName }))
        return c.redirect(base(c), 303)
      },
    })
  })

  const detail = async (c: StaffContext, id: string) => {
    const d = await getDeclaration(ctxOf(c), id)
    const actor = c.get('actor')
    const own = d.person.userId === actor.userId
    const back = own ? `${base(c)}/mine` : `${base(c)}?fy=${d.fiscalYear}`
    return (s: FormState) => <DeclarationPage ctx={pageCtx(c)} base={base(c)} back={back} d={d} canReview={actor.permissions.has('coi.review')} canRemove={own || actor.permissions.has('coi.manage')} {...s} />
  }
  app.get('/coi/d/:id', requirePermission('coi.self'), async (c) => render(c, (await detail(c, uuidParam(c)))({ values: { decision: 'acknowledged' } })))
  app.post('/coi/d/:id/review', requirePermission('coi.review'), async (c) => {
    const id = uuidParam(c)
    const view = await detail(c, id)
    const L = c.get('lang')
    return formAction(c, {
      schema: z.object({ decision: f.choice(['acknowledged', 'more_info'] as const), reviewNote: f.optionalText(2000).transform((v) => v ?? '') }),
      labels: { decision: coiT(L, 'field.decision'), reviewNote: coiT(L, 'field.reviewNote') },
      view,
      submit: async (data) => {
        await reviewDeclaration(ctxOf(c), id, { decision: data.decision, note: data.reviewNote })
        flash(c, coiT(L, `reviewed.${data.decision}`))
        return c.redirect(`${base(c)}/d/${id}`, 303)
      },
    })
  })

  app.get('/coi/d/:id/delete', requirePermission('coi.self'), async (c) => {
    const d = await getDeclaration(ctxOf(c), uuidParam(c))
    const actor = c.get('actor')
    if (d.person.userId !== actor.userId && !actor.permissions.has('coi.manage')) throw new AppError('forbidden', 403)
    return render(c, <RemovePage ctx={pageCtx(c)} base={base(c)} d={d} />)
  })
  app.post('/coi/d/:id/delete', requirePermission('coi.self'), async (c) => {
    const d = await getDeclaration(ctxOf(c), uuidParam(c))
    let done: 'deleted' | 'withdrawn'
    try {
      done = await removeDeclaration(ctxOf(c), d.id)
    } catch (e) {
      const failed = formErrorsOf(e, c.get('lang'))
      if (!failed) throw e
      c.set('formFailed', true)
      return render(c, <RemovePage ctx={pageCtx(c)} base={base(c)} d={d} errors={failed.errors} />, failed.status)
    }
    flash(c, coiT(c.get('lang'), done === 'deleted' ? 'deleted' : 'withdrawn'))
    const own = d.person.userId === c.get('actor').userId
    return c.redirect(own ? `${base(c)}/mine` : `${base(c)}?fy=${d.fiscalYear}`, 303)
  })
  return app
}
