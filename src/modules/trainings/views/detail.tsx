import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary } from '../../../platform/ui/fields.js'
import { EvidenceUsesList } from '../../../platform/evidence/views/evidence.js'
import type { EvidenceUse } from '../../../platform/evidence/evidence.service.js'
import { trainingsT } from '../trainings.i18n.js'
import type { SessionResults } from '../answers.js'
import { FORMS } from '../answers.js'
import { budgetText, datesText, FiguresBox, hoursLabel, percentText, StatusBadge, trainerText } from './parts.js'

export type DetailProps = { ctx: StaffPageCtx; base: string; full: SessionResults; qrSvg: string; checkinUrl: string; uses: EvidenceUse[]; unitName: string | null } & FormState

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
        {p.unitName && (
          <>
            <dt>{trainingsT(L, 'field.unitId')}</dt>
            <dd>{p.unitName}</dd>
          </>
        )}
        <dt>{trainingsT(L, 'field.budget')}</dt>
        <dd>{budgetText(L, s.budget)}</dd>
      </dl>
      {s.detail && <p class="prose">{s.detail}</p>}
      <FiguresBox ctx={p.ctx} f={p.full.figures.attendance} />
      <section aria-labelledby="test">
        <h2 id="test">{trainingsT(L, 'test.title')}</h2>
        <p>{p.full.questions.length ? trainingsT(L, 'test.count', { count: p.full.questions.length }) : trainingsT(L, 'test.none')}</p>
        {p.full.figures.improvement !== null && (
          <p role="status">{trainingsT(L, 'results.improvement', { points: p.full.figures.improvement.toFixed(2), post: percentText(p.full.figures.post.averagePercent), pre: percentText(p.full.figures.pre.averagePercent) })}</p>
        )}
        <ul class="inline-list">
          <li>
            <a href={`${url}/results`}>{trainingsT(L, 'action.results')}</a>
          </li>
          <li>
            <a href={`${url}/files`}>{trainingsT(L, 'action.files')}</a>
          </li>
          <li>
            <a href={`${url}/certificates`}>{trainingsT(L, 'action.certificates')}</a>
          </li>
          <li>
            <a href={`${url}/report.docx`}>{trainingsT(L, 'report.docx')}</a>
          </li>
          <li>
            <a href={`${url}/report.pdf`}>{trainingsT(L, 'report.pdf')}</a>
          </li>
          {edit && (
            <>
              <li>
                <a href={`${url}/test`}>{trainingsT(L, 'action.test')}</a>
              </li>
              <li>
                <a href={`${url}/report`}>{trainingsT(L, 'report.write')}</a>
              </li>
              <li>
                <a href={`${p.base}/questions`}>{trainingsT(L, 'action.bank')}</a>
              </li>
              {s.status === 'published' && (
                <li>
                  <a href={`${url}/links`}>{trainingsT(L, 'action.links')}</a>
                </li>
              )}
            </>
          )}
        </ul>
        {s.status === 'published' && p.ctx.can('trainings.checkin') && (
          <>
            <h3>{trainingsT(L, 'answer.mine')}</h3>
            <ul class="inline-list">
              {FORMS.map((f) => (
                <li>
                  <a href={`${url}/answer/${f}`}>{trainingsT(L, `form.${f}`)}</a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
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
      <section aria-labelledby="uses">
        <h2 id="uses">{trainingsT(L, 'evidence.uses')}</h2>
        <EvidenceUsesList ctx={p.ctx} uses={p.uses} />
      </section>
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
