import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { listFilter } from '../../../platform/ui/list-filter.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { CheckboxField, DateField, ErrorSummary, FileField, Pager, SelectField, TableWrap, TextArea, TextField } from '../../../platform/ui/fields.js'
import { dateText, dayText, Markdown } from '../../../platform/ui/prose.js'
import { manualsT } from '../manuals.i18n.js'
import { announcementsT } from '../announcements.i18n.js'
import { MANUAL_AUDIENCES, MANUAL_KINDS, MANUAL_STATES } from '../manuals.schema.js'
import type { ManualDetail, ManualFilter, ManualPage, ManualProgress } from '../manuals.js'
import { countText, percentText } from './shared.js'
import { AckActions } from './progress.js'
import type { UnitOption } from './form.js'

// Staff pages of manuals: the list, the draft and revision forms, one manual, delete confirmation.

const trailOf = (ctx: StaffPageCtx, base: string, more: { label: string; href: string }[] = []) => [{ label: manualsT(ctx.lang, 'list.title'), href: base }, ...more]

export const ManualListPage = ({ ctx, base, filter, data, units }: { ctx: StaffPageCtx; base: string; filter: ManualFilter; data: ManualPage; units: UnitOption[] }) => {
  const L = ctx.lang
  const { href: qs, values, filtered } = listFilter(base, { q: filter.q ?? '', unit: filter.unitId ?? '', kind: filter.kind ?? '', state: filter.state ?? '', review: filter.overdue ? 'overdue' : '', fy: filter.fiscalYear ? String(filter.fiscalYear) : '' })
  const title = manualsT(L, 'list.title')
  return (
    <StaffLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {ctx.can('manuals.edit') && (
        <p>
          <a class="button" href={`${base}/new`}>
            {manualsT(L, 'list.add')}
          </a>
        </p>
      )}
      <form method="get" action={base} class="search-form" role="search">
        <TextField name="q" type="search" label={manualsT(L, 'list.search')} values={values} />
        <SelectField name="unit" label={manualsT(L, 'list.unit')} values={values} placeholder={manualsT(L, 'list.allUnits')} options={units.map((u) => ({ value: u.id, label: u.nameTh }))} />
        <SelectField name="kind" label={manualsT(L, 'list.kind')} values={values} placeholder={manualsT(L, 'list.allKinds')} options={MANUAL_KINDS.map((k) => ({ value: k, label: manualsT(L, `kind.${k}`) }))} />
        <SelectField name="state" label={manualsT(L, 'list.state')} values={values} placeholder={manualsT(L, 'list.allStates')} options={MANUAL_STATES.map((s) => ({ value: s, label: manualsT(L, `state.${s}`) }))} />
        <SelectField name="review" label={manualsT(L, 'list.reviewFilter')} values={values} placeholder={manualsT(L, 'list.allReviews')} options={[{ value: 'overdue', label: manualsT(L, 'list.overdue') }]} />
        <SelectField name="fy" label={manualsT(L, 'list.fiscalYear')} values={values} placeholder={manualsT(L, 'list.allYears')} options={data.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <button type="submit" class="secondary">
          {manualsT(L, 'list.filter')}
        </button>
      </form>
      {data.total === 0 ? (
        <p>{manualsT(L, filtered ? 'list.noMatch' : 'list.empty')}</p>
      ) : (
        <>
          <p class="muted" role="status">
            {manualsT(L, 'list.count', { count: data.total })}
          </p>
          <TableWrap label={title}>
            <table id="manuals">
              <thead>
                <tr>
                  <th scope="col">{manualsT(L, 'field.title')}</th>
                  <th scope="col">{manualsT(L, 'list.unit')}</th>
                  <th scope="col">{manualsT(L, 'list.version')}</th>
                  <th scope="col">{manualsT(L, 'list.effective')}</th>
                  <th scope="col">{manualsT(L, 'list.review')}</th>
                  <th scope="col">{manualsT(L, 'list.state')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr>
                    <td>
                      <a href={`${base}/${r.id}`}>{r.title}</a>
                      <br />
                      <span class="muted">{manualsT(L, `kind.${r.kind}`)}</span>
                    </td>
                    <td>{r.unitName}</td>
                    <td class="num">{countText(ctx, r.shown.version)}</td>
                    <td>{dayText(ctx, r.shown.effectiveOn, 'short')}</td>
                    <td>{dayText(ctx, r.shown.nextReviewOn, 'short')}</td>
                    <td>{manualsT(L, `state.${r.state}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pager ctx={ctx} page={data.page} hasNext={data.page < data.pages} href={qs} />
        </>
      )}
    </StaffLayout>
  )
}

/** The first version (new) or the draft waiting for approval (edit); shown again with errors and values. */
export const ManualForm = (p: { ctx: StaffPageCtx; base: string; action: string; editing: boolean; units: UnitOption[]; fileName?: string | null | undefined } & FormState) => {
  const L = p.ctx.lang
  const title = manualsT(L, p.editing ? 'form.editTitle' : 'form.newTitle')
  const field = (name: string) => ({ name, values: p.values, errors: p.errors })
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={trailOf(p.ctx, p.base, [{ label: title, href: p.action }])}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action={p.action} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={p.ctx} />
        <SelectField {...field('kind')} label={manualsT(L, 'field.kind')} options={MANUAL_KINDS.map((k) => ({ value: k, label: manualsT(L, `kind.${k}`) }))} />
        <SelectField {...field('unitId')} label={manualsT(L, 'field.unitId')} options={p.units.map((u) => ({ value: u.id, label: u.nameTh }))} />
        <TextField {...field('title')} label={manualsT(L, 'field.title')} hint={manualsT(L, 'field.titleHint')} maxlength={300} required />
        <SelectField {...field('audience')} label={manualsT(L, 'field.audience')} options={MANUAL_AUDIENCES.map((a) => ({ value: a, label: manualsT(L, `audience.${a}`) }))} />
        <CheckboxField {...field('ackRequired')} label={manualsT(L, 'field.ackRequired')} />
        <TextArea {...field('body')} label={manualsT(L, 'field.body')} hint={manualsT(L, 'field.bodyHint')} rows={16} max={50_000} lang={L} />
        <DateField {...field('effectiveOn')} label={manualsT(L, 'field.effectiveOn')} ctx={p.ctx} required />
        <DateField {...field('nextReviewOn')} label={manualsT(L, 'field.nextReviewOn')} hint={manualsT(L, 'field.nextReviewOnHint')} ctx={p.ctx} required />
        <FileField name="file" errors={p.errors} label={manualsT(L, 'field.file')} {...(p.fileName ? { hint: manualsT(L, 'field.fileKept', { name: p.fileName }) } : {})} accept="application/pdf" />
        <div class="actions">
          <button type="submit">{manualsT(L, 'form.save')}</button>
          <a href={p.base}>{manualsT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}

/** A new version beside the one in force: its text, dates and what changed. */
export const ManualReviseForm = (p: { ctx: StaffPageCtx; base: string; d: ManualDetail } & FormState) => {
  const L = p.ctx.lang
  const here = `${p.base}/${p.d.m.id}`
  const title = manualsT(L, 'form.reviseTitle')
  const field = (name: string) => ({ name, values: p.values, errors: p.errors })
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={trailOf(p.ctx, p.base, [{ label: p.d.m.title, href: here }, { label: title, href: `${here}/revise` }])}>
      <h1>{title}</h1>
      <p class="muted">{p.d.m.title}</p>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action={`${here}/revise`} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={p.ctx} />
        <TextArea {...field('body')} label={manualsT(L, 'field.body')} hint={manualsT(L, 'field.bodyHint')} rows={16} max={50_000} lang={L} />
        <DateField {...field('effectiveOn')} label={manualsT(L, 'field.effectiveOn')} ctx={p.ctx} required />
        <DateField {...field('nextReviewOn')} label={manualsT(L, 'field.nextReviewOn')} hint={manualsT(L, 'field.nextReviewOnHint')} ctx={p.ctx} required />
        <TextField {...field('changeNote')} label={manualsT(L, 'field.changeNote')} hint={manualsT(L, 'field.changeNoteHint')} maxlength={1000} required />
        <FileField name="file" errors={p.errors} label={manualsT(L, 'field.file')} accept="application/pdf" />
        <div class="actions">
          <button type="submit">{manualsT(L, 'form.save')}</button>
          <a href={here}>{manualsT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}

/** One manual: the version in force, the draft waiting (approve, edit, delete), history, acknowledgement. */
export const ManualDetailPage = (p: { ctx: StaffPageCtx; base: string; d: ManualDetail; progress: ManualProgress; publicPath: string | null; errors?: FormState['errors']; paper?: FormState | undefined }) => {
  const L = p.ctx.lang
  const { m, current, draft } = p.d
  const here = `${p.base}/${m.id}`
  const g = p.progress
  const canEdit = p.ctx.can('manuals.edit')
  return (
    <StaffLayout ctx={p.ctx} title={m.title} trail={trailOf(p.ctx, p.base, [{ label: m.title, href: here }])}>
      <p class="muted">
        {manualsT(L, `kind.${m.kind}`)} · {p.d.unitName} · {manualsT(L, `audience.${m.audience}`)}
      </p>
      <h1>{m.title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      {current ? (
        <p id="in-force">
          {manualsT(L, 'detail.inForce', { version: countText(p.ctx, current.version), effective: dayText(p.ctx, current.effectiveOn), review: dayText(p.ctx, current.nextReviewOn) })}
          {current.approvedAt && ` · ${manualsT(L, 'detail.approvedBy', { date: dateText(p.ctx, current.approvedAt) })}`}
        </p>
      ) : (
        <p id="in-force">{manualsT(L, 'detail.noneInForce')}</p>
      )}
      {current && g.mine === 'asked' && (
        <form method="post" action={`${here}/ack`} class="actions">
          <CsrfField ctx={p.ctx} />
          <span>{manualsT(L, 'ack.mine')}</span>
          <button type="submit">{manualsT(L, 'ack.button')}</button>
        </form>
      )}
      {current && g.mine === 'done' && <p class="muted">{manualsT(L, 'ack.mineDone')}</p>}
      {current && <Markdown md={current.body} />}
      {current?.fileId && (
        <p>
          <a href={`${here}/file/${current.version}`}>{manualsT(L, 'detail.file')}</a>
        </p>
      )}
      {p.publicPath && (
        <p>
          <a href={p.publicPath}>{manualsT(L, 'detail.publicPage')}</a>
        </p>
      )}
      {canEdit && current && !draft && (
        <p>
          <a class="button secondary" href={`${here}/revise`}>
            {manualsT(L, 'detail.revise')}
          </a>
        </p>
      )}
      {draft && (
        <section aria-labelledby="draft" class="card">
          <h2 id="draft">{manualsT(L, 'detail.draft', { version: countText(p.ctx, draft.version), effective: dayText(p.ctx, draft.effectiveOn), review: dayText(p.ctx, draft.nextReviewOn) })}</h2>
          {draft.changeNote && <p>{draft.changeNote}</p>}
          <Markdown md={draft.body} />
          {draft.fileId && (
            <p>
              <a href={`${here}/file/${draft.version}`}>{manualsT(L, 'detail.file')}</a>
            </p>
          )}
          <div class="actions">
            {p.ctx.can('manuals.approve') && (
              <form method="post" action={`${here}/approve`}>
                <CsrfField ctx={p.ctx} />
                <button type="submit">{manualsT(L, 'detail.approve', { version: countText(p.ctx, draft.version) })}</button>
              </form>
            )}
            {canEdit && <a href={`${here}/edit`}>{manualsT(L, 'detail.editDraft')}</a>}
            {canEdit && <a href={`${here}/delete`}>{manualsT(L, 'detail.deleteDraft')}</a>}
          </div>
          <p class="muted">{manualsT(L, 'detail.approveHint')}</p>
        </section>
      )}
      {current && (
        <section aria-labelledby="ack">
          <h2 id="ack">{manualsT(L, 'ack.title')}</h2>
          {!m.ackRequired ? (
            <p>{manualsT(L, 'ack.none')}</p>
          ) : (
            <>
              <p id="ack-summary">{manualsT(L, 'ack.summary', { done: countText(p.ctx, g.acknowledged), asked: countText(p.ctx, g.asked), pct: percentText(p.ctx, g.acknowledged, g.asked) })}</p>
              <h3>{manualsT(L, 'ack.missing')}</h3>
              {g.missing.length === 0 ? (
                <p>{manualsT(L, 'ack.allDone')}</p>
              ) : (
                <ul id="ack-missing">
                  {g.missing.map((n) => (
                    <li>
                      {n.fullName} {!n.hasAccount && <span class="muted">[{announcementsT(L, 'ack.noAccount')}]</span>}
                    </li>
                  ))}
                </ul>
              )}
              <AckActions ctx={p.ctx} action={here} missing={canEdit ? g.missing : []} values={p.paper?.values} errors={p.paper?.errors} />
            </>
          )}
        </section>
      )}
      <section aria-labelledby="history">
        <h2 id="history">{manualsT(L, 'detail.history')}</h2>
        <ul id="manual-history">
          {p.d.versions.map((v) => (
            <li>{manualsT(L, 'detail.historyRow', { version: countText(p.ctx, v.version), effective: dayText(p.ctx, v.effectiveOn), state: manualsT(L, `vstate.${v.status}`), note: v.changeNote })}</li>
          ))}
        </ul>
      </section>
    </StaffLayout>
  )
}

/** Deleting a draft asks on its own page (works without JavaScript). */
export const ManualDeletePage = (p: { ctx: StaffPageCtx; base: string; d: ManualDetail } & FormState) => {
  const L = p.ctx.lang
  const here = `${p.base}/${p.d.m.id}`
  const title = manualsT(L, 'delete.title', { title: p.d.m.title })
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={trailOf(p.ctx, p.base, [{ label: p.d.m.title, href: here }])}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <p>{p.d.current ? manualsT(L, 'delete.introRevision', { version: countText(p.ctx, p.d.draft?.version ?? 0) }) : manualsT(L, 'delete.introNew')}</p>
      <form method="post" action={`${here}/delete`} class="actions">
        <CsrfField ctx={p.ctx} />
        <button type="submit" class="danger">
          {manualsT(L, 'delete.confirm')}
        </button>
        <a href={here}>{manualsT(L, 'form.cancel')}</a>
      </form>
    </StaffLayout>
  )
}
