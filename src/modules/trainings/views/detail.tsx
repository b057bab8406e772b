import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary } from '../../../platform/ui/fields.js'
import { trainingsT } from '../trainings.i18n.js'
import type { SessionFull } from '../attendance.js'
import { attendanceFigures } from '../attendance.js'
import { budgetText, datesText, FiguresBox, hoursLabel, StatusBadge, trainerText } from './parts.js'

export type DetailProps = { ctx: StaffPageCtx; base: string; full: SessionFull; qrSvg: string; checkinUrl: string } & FormState

/** One training: what it is, its state and actions, attendance figures, the QR check-in code. */
export const SessionPage = (p: DetailProps) => {
  const L = p.ctx.lang
  const s = p.full.session
  const url = `${p.base}/${s.id}`
  const edit = p.ctx.can('trainings.edit')
  return (
    <StaffLayout ctx={p.ctx} title={s.topic} trail={[{ label: trainingsT(L, 'list.title'), href: p.base }, { label: s.topic, href: url }]}>
      <h1>{s.topic}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <p>
        <StatusBadge ctx={p.ctx} status={s.status} />
      </p>
      <dl class="facts">
        <dt>{trainingsT(L, 'list.dates')}</dt>
        <dd>
          {datesText(L, s)} ({hoursLabel(L, s.hours)})
        </dd>
        <dt>{trainingsT(L, 'field.trainerKind')}</dt>
        <dd>{trainerText(L, s)}</dd>
        <dt>{trainingsT(L, 'field.mode')}</dt>
        <dd>
          {trainingsT(L, `mode.${s.mode}`)}: {s.place}
        </dd>
        <dt>{trainingsT(L, 'field.targetGroup')}</dt>
        <dd>{s.targetGroup}</dd>
        <dt>{trainingsT(L, 'field.budget')}</dt>
        <dd>{budgetText(L, s.budget)}</dd>
      </dl>
      {s.detail && <p class="prose">{s.detail}</p>}
      <FiguresBox ctx={p.ctx} f={attendanceFigures(p.full.attendees)} />
      {edit && (
        <div class="actions">
          <a class="button secondary" href={`${url}/edit`}>
            {trainingsT(L, 'action.edit')}
          </a>
          <a class="button secondary" href={`${url}/attendance`}>
            {trainingsT(L, 'action.attendance')}
          </a>
          <a class="button secondary" href={`${url}/sheet`}>
            {trainingsT(L, 'action.sheet')}
          </a>
          {s.status !== 'published' && (
            <form method="post" action={`${url}/publish`}>
              <CsrfField ctx={p.ctx} />
              <button type="submit">{trainingsT(L, 'action.publish')}</button>
            </form>
          )}
          {s.status === 'published' && (
            <form method="post" action={`${url}/withdraw`}>
              <CsrfField ctx={p.ctx} />
              <button type="submit" class="secondary">
                {trainingsT(L, 'action.withdraw')}
              </button>
            </form>
          )}
          {!s.publishedAt && (
            <a class="button danger" href={`${url}/delete`}>
              {trainingsT(L, 'action.delete')}
            </a>
          )}
        </div>
      )}
      {s.status === 'published' && (
        <section aria-labelledby="checkin">
          <h2 id="checkin">{trainingsT(L, 'checkin.title')}</h2>
          <div role="img" aria-label={trainingsT(L, 'checkin.qr')} dangerouslySetInnerHTML={{ __html: p.qrSvg }} />
          <p>
            {trainingsT(L, 'checkin.scan')} <a href={p.checkinUrl}>{p.checkinUrl}</a>
          </p>
        </section>
      )}
    </StaffLayout>
  )
}
