import { raw } from 'hono/html'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, TableWrap, TextField } from '../../../platform/ui/fields.js'
import { dayText } from '../../../platform/ui/prose.js'
import { EvidenceUsesList } from '../../../platform/evidence/views/evidence.js'
import type { EvidenceUse } from '../../../platform/evidence/evidence.service.js'
import { surveysT } from '../surveys.i18n.js'
import type { SurveyDetail } from '../surveys.service.js'
import type { LinkBatch } from '../surveys.schema.js'

export type AnswerLink = { pointId: string | null; name: string; url: string; qrSvg: string; responses: number }

/** One survey: its state and actions, where it is answered (QR per service point), its questions, single-use links. */
export const SurveyPage = (p: {
  ctx: StaffPageCtx
  base: string
  d: SurveyDetail
  links: AnswerLink[]
  batches: (LinkBatch & { unused: number })[]
  uses: EvidenceUse[]
  point?: FormState | undefined
  batch?: FormState | undefined
  errors?: FormState['errors']
}) => {
  const L = p.ctx.lang
  const { s, questions } = p.d
  const here = `${p.base}/${s.id}`
  const edit = p.ctx.can('surveys.edit')
  const draft = s.status === 'draft'
  const post = (action: string, label: string, cls = 'secondary') => (
    <form method="post" action={`${here}/${action}`}>
      <CsrfField ctx={p.ctx} />
      <button type="submit" class={cls}>
        {label}
      </button>
    </form>
  )
  return (
    <StaffLayout ctx={p.ctx} title={s.title} trail={[{ label: surveysT(L, 'list.title'), href: p.base }, { label: s.title, href: here }]}>
      <h1>{s.title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors ?? p.point?.errors ?? p.batch?.errors} />
      <p id="survey-state">
        {surveysT(L, 'detail.state', { year: s.fiscalYear, status: surveysT(L, `status.${s.status}`), access: surveysT(L, `access.${s.access}`), count: p.d.responses })}
        {s.closesOn && ` · ${surveysT(L, 'detail.closesOn', { date: dayText(p.ctx, s.closesOn) })}`}
      </p>
      <div class="actions">
        <a href={`${here}/results`}>{surveysT(L, 'detail.results')}</a>
        {edit && <a href={`${here}/edit`}>{surveysT(L, 'detail.edit')}</a>}
        {edit && s.status !== 'open' && post('open', surveysT(L, draft ? 'detail.open' : 'detail.reopen'), '')}
        {edit && s.status === 'open' && post('close', surveysT(L, 'detail.close'))}
        {edit && !draft && <a href={`${here}/paper`}>{surveysT(L, 'detail.paper')}</a>}
        {edit && post('copy', surveysT(L, 'detail.copy', { year: s.fiscalYear + 1 }))}
        {edit && draft && <a href={`${here}/delete`}>{surveysT(L, 'detail.delete')}</a>}
      </div>
      {draft && <p class="muted">{surveysT(L, 'detail.draftHint')}</p>}

      <section aria-labelledby="where">
        <h2 id="where">{surveysT(L, 'detail.where')}</h2>
        {s.access === 'link' ? (
          <p>{surveysT(L, 'detail.linkOnly')}</p>
        ) : (
          <ul class="item-list" id="answer-links">
            {p.links.map((l) => (
              <li class="link-slip">
                <strong>{l.name}</strong> <span class="muted">{surveysT(L, 'detail.pointCount', { count: l.responses })}</span>
                <figure role="img" aria-label={surveysT(L, 'detail.qr', { name: l.name })}>
                  {raw(l.qrSvg)}
                </figure>
                <a href={l.url}>{l.url}</a>
                <div class="actions">
                  <a href={`${here}/poster.pdf${l.pointId ? `?point=${l.pointId}` : ''}`}>{surveysT(L, 'detail.poster', { name: l.name })}</a>
                  {edit && l.pointId && l.responses === 0 && <a href={`${here}/points/${l.pointId}/delete`}>{surveysT(L, 'detail.pointDelete', { name: l.name })}</a>}
                </div>
              </li>
            ))}
          </ul>
        )}
        {edit && s.access !== 'link' && (
          <form method="post" action={`${here}/points`} novalidate class="search-form">
            <CsrfField ctx={p.ctx} />
            <TextField name="name" label={surveysT(L, 'point.name')} hint={surveysT(L, 'point.hint')} values={p.point?.values} errors={p.point?.errors} maxlength={200} />
            <button type="submit" class="secondary">
              {surveysT(L, 'point.add')}
            </button>
          </form>
        )}
      </section>

      {s.access === 'link' && (
        <section aria-labelledby="batches">
          <h2 id="batches">{surveysT(L, 'batch.title')}</h2>
          {p.batches.length === 0 ? (
            <p>{surveysT(L, 'batch.none')}</p>
          ) : (
            <ul id="batch-list">
              {p.batches.map((b) => (
                <li>{surveysT(L, 'batch.row', { label: b.label, issued: b.issued, unused: b.unused })}</li>
              ))}
            </ul>
          )}
          {edit && s.status !== 'closed' && (
            <form method="post" action={`${here}/links`} novalidate>
              <CsrfField ctx={p.ctx} />
              <TextField name="label" label={surveysT(L, 'batch.label')} hint={surveysT(L, 'batch.labelHint')} values={p.batch?.values} errors={p.batch?.errors} maxlength={200} />
              <TextField name="count" label={surveysT(L, 'batch.count')} hint={surveysT(L, 'batch.countHint')} values={p.batch?.values} errors={p.batch?.errors} inputmode="numeric" />
              <div class="actions">
                <button type="submit" class="secondary">
                  {surveysT(L, 'batch.slips')}
                </button>
                <button type="submit" class="secondary" name="format" value="csv">
                  {surveysT(L, 'batch.csv')}
                </button>
              </div>
            </form>
          )}
        </section>
      )}

      <section aria-labelledby="questions">
        <h2 id="questions">{surveysT(L, 'detail.questions', { count: questions.length })}</h2>
        {questions.length === 0 ? (
          <p>{surveysT(L, 'detail.noQuestions')}</p>
        ) : (
          <TableWrap label={surveysT(L, 'detail.questions', { count: questions.length })}>
            <table id="question-list">
              <thead>
                <tr>
                  <th scope="col">{surveysT(L, 'xlsx.no')}</th>
                  <th scope="col">{surveysT(L, 'xlsx.section')}</th>
                  <th scope="col">{surveysT(L, 'xlsx.question')}</th>
                  <th scope="col">{surveysT(L, 'question.kind')}</th>
                  {edit && draft && (
                    <th scope="col">
                      <span class="visually-hidden">{surveysT(L, 'list.edit')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {questions.map((q, i) => (
                  <tr>
                    <td>{q.position}</td>
                    <td>{q.section}</td>
                    <td>
                      {q.textTh}
                      {!q.required && <span class="muted"> {surveysT(L, 'answer.optional')}</span>}
                    </td>
                    <td>{surveysT(L, `kind.${q.kind}`)}</td>
                    {edit && draft && (
                      <td class="actions">
                        <a href={`${here}/questions/${q.id}/edit`}>
                          {surveysT(L, 'list.edit')}
                          <span class="visually-hidden"> {q.textTh}</span>
                        </a>
                        <a href={`${here}/questions/${q.id}/delete`}>
                          {surveysT(L, 'list.delete')}
                          <span class="visually-hidden"> {q.textTh}</span>
                        </a>
                        {i > 0 && (
                          <form method="post" action={`${here}/questions/${q.id}/move`}>
                            <CsrfField ctx={p.ctx} />
                            <button type="submit" name="dir" value="up" class="link" aria-label={surveysT(L, 'question.up', { q: q.position })}>
                              ↑
                            </button>
                          </form>
                        )}
                        {i < questions.length - 1 && (
                          <form method="post" action={`${here}/questions/${q.id}/move`}>
                            <CsrfField ctx={p.ctx} />
                            <button type="submit" name="dir" value="down" class="link" aria-label={surveysT(L, 'question.down', { q: q.position })}>
                              ↓
                            </button>
                          </form>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {edit && draft && (
          <p>
            <a class="button secondary" href={`${here}/questions/new`}>
              {surveysT(L, 'question.add')}
            </a>
          </p>
        )}
      </section>
      <section aria-labelledby="uses">
        <h2 id="uses">{surveysT(L, 'evidence.uses')}</h2>
        <EvidenceUsesList ctx={p.ctx} uses={p.uses} />
      </section>
    </StaffLayout>
  )
}
