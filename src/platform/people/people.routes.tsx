import { Hono } from 'hono'
import { z } from 'zod'
import type { StaffContext, StaffEnv } from '../http/context.js'
import { ctxOf } from '../http/context.js'
import { f, formAction, type FormValues } from '../http/forms.js'
import { requirePermission } from '../http/guards.js'
import { intQuery, searchQuery } from '../http/params.js'
import { AppError } from '../http/errors.js'
import { pageCtx, flash } from '../ui/page-context.js'
import { render } from '../ui/render.js'
import { listUnits, listUnitsOf } from '../orgs/orgs.service.js'
import { inOrg } from '../../db/client.js'
import { toThaiDateText } from '../thai/dates.js'
import { ppl } from './people.i18n.js'
import { PERSON_KINDS, type PersonKind } from './people.schema.js'
import { peopleFor, type Person } from './directory.js'
import {
  browsePeople,
  createPerson,
  deletePerson,
  getPerson,
  listAccountsForLinking,
  listPeopleBrief,
  PEOPLE_PAGE_SIZE,
  peopleSummary,
  setUnitHead,
  updatePerson,
  type PeopleStatus,
} from './people.service.js'
import { applyPeopleImport, peopleImportTemplate, previewPeopleImport, startPeopleImport } from './people-import.js'
import { ImportForm, ImportPreview, PeopleList, PersonDetails, PersonForm, UnitHeadForm } from './views/people.js'
import { CsrfField, StaffLayout } from '../ui/layout.js'
import { t } from '../i18n/messages.js'

const PersonInput = z.object({
  fullName: f.text(200),
  position: f.optionalText(200),
  kind: f.choice(PERSON_KINDS),
  unitIds: f.list(),
  supervisorId: f.optionalText(40),
  userId: f.optionalText(40),
  email: z.union([z.literal(''), f.email()]).optional().transform((v) => v || undefined),
  phone: f.optionalText(50),
  activeFrom: f.thaiDate({ optional: true }),
  activeUntil: f.thaiDate({ optional: true }),
})

const labels = (c: StaffContext) => {
  const L = c.get('lang')
  return {
    fullName: ppl(L, 'people.fullName'),
    position: ppl(L, 'people.position'),
    kind: ppl(L, 'people.kind'),
    unitIds: ppl(L, 'people.units'),
    supervisorId: ppl(L, 'people.supervisor'),
    userId: ppl(L, 'people.account'),
    email: ppl(L, 'people.email'),
    phone: ppl(L, 'people.phone'),
    activeFrom: ppl(L, 'people.activeFrom'),
    activeUntil: ppl(L, 'people.activeUntil'),
  }
}

const valuesOf = (p: Person): FormValues => ({
  fullName: p.fullName,
  position: p.position ?? '',
  kind: p.kind,
  unitIds: p.unitIds,
  supervisorId: p.supervisorId ?? '',
  userId: p.userId ?? '',
  email: p.email ?? '',
  phone: p.phone ?? '',
  activeFrom: p.activeFrom ? toThaiDateText(p.activeFrom) : '',
  activeUntil: p.activeUntil ? toThaiDateText(p.activeUntil) : '',
})

const STATUSES: readonly PeopleStatus[] = ['active', 'former', 'all']
const IMPORT_FILE = { maxBytes: 5 * 1024 * 1024, types: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx' }, required: true }

/** The agency's people (บุคลากร) under /o/<slug>/admin/people, and unit heads under /units/:id/head. */
export function peopleRoutes() {
  const app = new Hono<StaffEnv>()
  const base = (c: StaffContext) => `/o/${c.get('org').slug}/admin`
  const canManage = (c: StaffContext) => !!c.get('actor')?.permissions.has('people.manage')

  app.get('/people', requirePermission('people.read'), async (c) => {
    const uc = ctxOf(c)
    const kind = c.req.query('kind')
    const status = c.req.query('status')
    const query = {
      q: searchQuery(c, 'q', 100),
      unitId: c.req.query('unit') || undefined,
      kind: (PERSON_KINDS as readonly string[]).includes(kind ?? '') ? (kind as PersonKind) : undefined,
      status: STATUSES.includes(status as PeopleStatus) ? (status as PeopleStatus) : 'active',
      page: intQuery(c, 'page', 1, 10_000),
    }
    const [{ rows, total }, units, summary] = await Promise.all([browsePeople(uc, query), listUnits(uc), peopleSummary(uc)])
    return render(c, <PeopleList ctx={pageCtx(c)} query={query} rows={rows} total={total} pageSize={PEOPLE_PAGE_SIZE} units={units} summary={summary} canManage={canManage(c)} />)
  })

  const formView = async (c: StaffContext, person: Person | null, state: { values?: FormValues | undefined; errors?: Record<string, string> | undefined }) => {
    const uc = ctxOf(c)
    const [units, people, accounts] = await Promise.all([listUnits(uc), listPeopleBrief(uc), listAccountsForLinking(uc)])
    return <PersonForm ctx={pageCtx(c)} person={person} units={units} people={people} accounts={accounts} values={state.values} errors={state.errors} />
  }

  app.get('/people/new', requirePermission('people.manage'), async (c) => render(c, await formView(c, null, {})))
  app.post('/people', requirePermission('people.manage'), (c) =>
    formAction(c, {
      schema: PersonInput,
      labels: labels(c),
      view: (s) => formView(c, null, s),
      submit: async (d) => {
        await createPerson(ctxOf(c), d)
        flash(c, ppl(c.get('lang'), 'people.created', { name: d.fullName }))
        return c.redirect(`${base(c)}/people`, 303)
      },
    }),
  )

  // Import (before /people/:id so the literal paths win).
  app.get('/people/import', requirePermission('people.manage'), (c) => render(c, <ImportForm ctx={pageCtx(c)} />))
  app.get('/people/import-template.xlsx', requirePermission('people.manage'), async (c) => {
    const units = await listUnitsOf(c.get('deps').db, c.get('org').id)
    const bytes = await peopleImportTemplate(units.map((u) => u.nameTh))
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="people-template.xlsx"; filename*=UTF-8''${encodeURIComponent('แบบนำเข้าบุคลากร.xlsx')}`,
    })
  })
  app.post('/people/import', requirePermission('people.manage'), (c) =>
    formAction(c, {
      schema: z.object({}),
      labels: { file: ppl(c.get('lang'), 'people.file') },
      files: { file: IMPORT_FILE },
      view: (s) => <ImportForm ctx={pageCtx(c)} errors={s.errors} />,
      submit: async (_d, files) => {
        const id = await startPeopleImport(ctxOf(c), files.file![0]!.bytes)
        return c.redirect(`${base(c)}/people/import/${id}`, 303)
      },
    }),
  )
  app.get('/people/import/:id', requirePermission('people.manage'), async (c) => {
    const { changes } = await previewPeopleImport(ctxOf(c), c.req.param('id'))
    return render(c, <ImportPreview ctx={pageCtx(c)} importId={c.req.param('id')} changes={changes} />)
  })
  app.post('/people/import/:id', requirePermission('people.manage'), async (c) => {
    try {
      const r = await applyPeopleImport(ctxOf(c), c.req.param('id'))
      flash(c, ppl(c.get('lang'), 'people.imported', r))
      return c.redirect(`${base(c)}/people`, 303)
    } catch (e) {
      // Confirmed twice (another tab, a double click): the first one did the work.
      if (e instanceof AppError && (e.status === 409 || e.status === 404)) {
        flash(c, ppl(c.get('lang'), 'people.alreadyImported'))
        return c.redirect(`${base(c)}/people`, 303)
      }
      throw e
    }
  })

  app.get('/people/:id', requirePermission('people.read'), async (c) => {
    const person = await getPerson(ctxOf(c), c.req.param('id'))
    if (!canManage(c)) return render(c, <PersonDetails ctx={pageCtx(c)} person={person} units={await listUnits(ctxOf(c))} />)
    return render(c, await formView(c, person, { values: valuesOf(person) }))
  })
  app.post('/people/:id', requirePermission('people.manage'), async (c) => {
    const person = await getPerson(ctxOf(c), c.req.param('id'))
    return formAction(c, {
      schema: PersonInput,
      labels: labels(c),
      view: (s) => formView(c, person, s),
      submit: async (d) => {
        await updatePerson(ctxOf(c), person.id, d)
        flash(c, ppl(c.get('lang'), 'people.saved', { name: d.fullName }))
        return c.redirect(`${base(c)}/people`, 303)
      },
    })
  })
  // Deleting asks on its own page (works without JavaScript) and says when to end instead.
  app.get('/people/:id/delete', requirePermission('people.manage'), async (c) => {
    const ctx = pageCtx(c)
    const person = await getPerson(ctxOf(c), c.req.param('id'))
    const title = ppl(ctx.lang, 'people.deleteConfirm', { name: person.fullName })
    return render(
      c,
      <StaffLayout ctx={ctx} title={title}>
        <h1>{title}</h1>
        <p>{ppl(ctx.lang, 'people.deleteWarn')}</p>
        <form method="post" action={`${base(c)}/people/${person.id}/delete`} class="actions">
          <CsrfField ctx={ctx} />
          <button type="submit" class="danger">{t(ctx.lang, 'form.confirm')}</button>
          <a href={`${base(c)}/people/${person.id}`}>{t(ctx.lang, 'form.cancel')}</a>
        </form>
      </StaffLayout>,
    )
  })
  app.post('/people/:id/delete', requirePermission('people.manage'), async (c) => {
    const name = await deletePerson(ctxOf(c), c.req.param('id'))
    flash(c, ppl(c.get('lang'), 'people.deleted', { name }))
    return c.redirect(`${base(c)}/people`, 303)
  })

  // Unit heads
  const unitOf = async (c: StaffContext) => {
    const unit = (await listUnits(ctxOf(c))).find((u) => u.id === c.req.param('id'))
    if (!unit) throw new AppError('not_found', 404)
    return unit
  }
  const activePeople = (c: StaffContext) => inOrg(c.get('deps').db, c.get('org').id, (tx) => peopleFor(tx, { all: true }))
  app.get('/units/:id/head', requirePermission('unit.manage'), async (c) => render(c, <UnitHeadForm ctx={pageCtx(c)} unit={await unitOf(c)} people={await activePeople(c)} />))
  app.post('/units/:id/head', requirePermission('unit.manage'), async (c) => {
    const unit = await unitOf(c)
    return formAction(c, {
      schema: z.object({ headPersonId: f.optionalText(40) }),
      labels: { headPersonId: ppl(c.get('lang'), 'units.head') },
      view: async (s) => <UnitHeadForm ctx={pageCtx(c)} unit={unit} people={await activePeople(c)} values={s.values} errors={s.errors} />,
      submit: async (d) => {
        await setUnitHead(ctxOf(c), unit.id, d.headPersonId ?? null)
        flash(c, ppl(c.get('lang'), 'units.headSaved', { name: unit.nameTh }))
        return c.redirect(`${base(c)}/units`, 303)
      },
    })
  })
  return app
}
