import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { DateField, ErrorSummary, FileField, SelectField, TableWrap, TextField } from '../../../platform/ui/fields.js'
import { formatThaiDate } from '../../../platform/thai/index.js'
import { trainingsT } from '../trainings.i18n.js'
import type { HoursRow, MyRecord, PersonRecord } from '../hours.js'
import { FORMS } from '../answers.js'
import { hoursText } from '../shared.js'
import type { OutsideCourse } from '../trainings.schema.js'

/** Hours per person in a fiscal year; a chooser opens anyone's record (to add an outside course). */
export const HoursPage = (p: { ctx: StaffPageCtx; base: string; year: number; years: number[]; rows: HoursRow[]; people: { id: string; fullName: string }[] }) => {
  const L = p.ctx.lang
  const title = trainingsT(L, 'hours.title')
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: trainingsT(L, 'list.title'), href: p.base }, { label: title, href: `${p.base}/hours` }]}>
      <h1>{title}</h1>
      <p>{trainingsT(L, 'hours.intro')}</p>
      <form method="get" action={`${p.base}/hours`} class="search-form">
        <SelectField name="fy" label={trainingsT(L, 'hours.year')} values={{ fy: String(p.year) }} options={p.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <button type="submit" class="secondary">
          {trainingsT(L, 'list.filter')}
        </button>
      </form>
      {p.rows.length === 0 ? (
        <p>{trainingsT(L, 'hours.empty')}</p>
      ) : (
        <TableWrap label={title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{trainingsT(L, 'hours.person')}</th>
                <th scope="col">{trainingsT(L, 'hours.sessions')}</th>
                <th scope="col">{trainingsT(L, 'hours.courses')}</th>
                <th scope="col">{trainingsT(L, 'hours.total')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr>
                  <td>
                    <a href={`${p.base}/people/${r.personId}`}>{r.fullName}</a>
                    {r.position && <span class="muted"> {r.position}</span>}
                  </td>
                  <td>{trainingsT(L, 'hours.of', { count: r.sessions, hours: hoursText(r.sessionHours) })}</td>
                  <td>{trainingsT(L, 'hours.of', { count: r.courses, hours: hoursText(r.courseHours) })}</td>
                  <td>{hoursText(r.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <form method="get" action={`${p.base}/people`} class="search-form">
        <SelectField name="person" label={trainingsT(L, 'hours.pick')} values={{}} options={p.people.map((x) => ({ value: x.id, label: x.fullName }))} />
        <button type="submit" class="secondary">
          {trainingsT(L, 'hours.pickSubmit')}
        </button>
      </form>
    </StaffLayout>
  )
}

/** One person's training record: the agency's trainings and outside courses, hours per fiscal year. */
export const RecordPage = ({ ctx, base, r }: { ctx: StaffPageCtx; base: string; r: PersonRecord }) => {
  const L = ctx.lang
  const title = trainingsT(L, 'record.title', { name: r.person.fullName })
  const url = `${base}/people/${r.person.id}`
  return (
    <StaffLayout ctx={ctx} title={title} trail={[{ label: trainingsT(L, 'list.title'), href: base }, { label: trainingsT(L, 'hours.title'), href: `${base}/hours` }, { label: r.person.fullName, href: url }]}>
      <h1>{title}</h1>
      {r.person.position && <p>{r.person.position}</p>}
      <ul>
        {r.years.map((y) => (
          <li>{trainingsT(L, 'record.year', { year: y.fiscalYear, hours: hoursText(y.hours) })}</li>
        ))}
      </ul>
      {ctx.can('trainings.edit') && (
        <p class="actions">
          <a class="button" href={`${url}/courses/new`}>
            {trainingsT(L, 'record.addCourse')}
          </a>
        </p>
      )}
      {r.entries.length === 0 ? (
        <p>{trainingsT(L, 'record.empty')}</p>
      ) : (
        <TableWrap label={title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{trainingsT(L, 'field.courseName')}</th>
                <th scope="col">{trainingsT(L, 'field.organiser')}</th>
                <th scope="col">{trainingsT(L, 'list.dates')}</th>
                <th scope="col">{trainingsT(L, 'field.hours')}</th>
                <th scope="col">{trainingsT(L, 'record.file')}</th>
              </tr>
            </thead>
            <tbody>
              {r.entries.map((e) => (
                <tr>
                  <td>
                    {e.kind === 'session' ? <a href={`${base}/${e.id}`}>{e.name}</a> : e.name}
                    <span class="muted"> · {trainingsT(L, `record.kind.${e.kind}`)}</span>
                    {e.kind === 'course' && ctx.can('trainings.edit') && (
                      <>
                        {' '}
                        <a href={`${base}/courses/${e.id}/edit`}>
                          {trainingsT(L, 'action.edit')}
                          <span class="visually-hidden"> {e.name}</span>
                        </a>{' '}
                        <a href={`${base}/courses/${e.id}/delete`}>
                          {trainingsT(L, 'action.delete')}
                          <span class="visually-hidden"> {e.name}</span>
                        </a>
                      </>
                    )}
                  </td>
                  <td>{e.organiser}</td>
                  <td>{e.endsOn === e.startsOn ? formatThaiDate(e.startsOn, { lang: L }) : `${formatThaiDate(e.startsOn, { lang: L })} – ${formatThaiDate(e.endsOn, { lang: L })}`}</td>
                  <td>{hoursText(e.hours)}</td>
                  <td>{e.certificate ? <code>{e.certificate}</code> : e.fileId ? <a href={`${base}/courses/${e.id}/file`}>{trainingsT(L, 'record.file')}</a> : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </StaffLayout>
  )
}

export const CourseForm = (p: { ctx: StaffPageCtx; base: string; action: string; back: string; personName: string; editing: boolean; course?: OutsideCourse } & FormState) => {
  const L = p.ctx.lang
  const title = trainingsT(L, p.editing ? 'course.editTitle' : 'course.newTitle')
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: trainingsT(L, 'hours.title'), href: `${p.base}/hours` }, { label: p.personName, href: p.back }, { label: title, href: p.action }]}>
      <h1>{title}</h1>
      <p>{p.personName}</p>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action={p.action} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={p.ctx} />
        <TextField name="name" label={trainingsT(L, 'field.courseName')} values={p.values} errors={p.errors} required max={300} lang={L} />
        <TextField name="organiser" label={trainingsT(L, 'field.organiser')} values={p.values} errors={p.errors} required max={300} lang={L} />
        <DateField name="startsOn" label={trainingsT(L, 'field.startsOn')} hint={trainingsT(L, 'field.startsOnHint')} values={p.values} errors={p.errors} lang={L} required />
        <DateField name="endsOn" label={trainingsT(L, 'field.endsOn')} hint={trainingsT(L, 'field.endsOnHint')} values={p.values} errors={p.errors} lang={L} />
        <TextField name="hours" label={trainingsT(L, 'field.hours')} hint={trainingsT(L, 'field.hoursHint')} values={p.values} errors={p.errors} inputmode="decimal" required />
        <FileField name="certificate" label={trainingsT(L, 'field.certificate')} hint={trainingsT(L, 'field.certificateHint')} accept=".pdf,.jpg,.jpeg,.png" errors={p.errors} />
        <div class="actions">
          <button type="submit">{trainingsT(L, 'form.save')}</button>
          <a href={p.back}>{trainingsT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}

/** The signed-in person's own trainings: those open to check in and answer, and their record with hours per fiscal year. */
export const MinePage = ({ ctx, base, r }: { ctx: StaffPageCtx; base: string; r: MyRecord | null }) => {
  const L = ctx.lang
  const title = trainingsT(L, 'mine.title')
  return (
    <StaffLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {!r ? (
        <p>{trainingsT(L, 'checkin.noPerson')}</p>
      ) : (
        <>
          <h2>{trainingsT(L, 'mine.open')}</h2>
          {r.open.length === 0 ? (
            <p>{trainingsT(L, 'mine.noneOpen')}</p>
          ) : (
            <ul class="item-list">
              {r.open.map((o) => (
                <li>
                  <strong>{o.topic}</strong> <span class="muted">{formatThaiDate(o.startsOn, { lang: L })}</span>
                  <ul class="inline-list">
                    <li>
                      <a href={`${base}/${o.id}/checkin`}>{trainingsT(L, 'checkin.title')}</a>
                    </li>
                    {FORMS.map((f) => (
                      <li>
                        <a href={`${base}/${o.id}/answer/${f}`}>{trainingsT(L, `form.${f}`)}</a>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
          <h2>{trainingsT(L, 'mine.record')}</h2>
          <ul>
            {r.years.map((y) => (
              <li>{trainingsT(L, 'record.year', { year: y.fiscalYear, hours: hoursText(y.hours) })}</li>
            ))}
          </ul>
          {r.entries.length === 0 ? (
            <p>{trainingsT(L, 'record.empty')}</p>
          ) : (
            <ul class="item-list">
              {r.entries.map((e) => (
                <li>
                  {e.name} <span class="muted">· {e.organiser} · {formatThaiDate(e.startsOn, { lang: L })} · {trainingsT(L, 'session.hours', { hours: hoursText(e.hours) })}</span>
                  {e.certificate && (
                    <>
                      {' '}
                      · {trainingsT(L, 'certs.code')} <code>{e.certificate}</code>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </StaffLayout>
  )
}
