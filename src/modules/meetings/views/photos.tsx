import type { PageCtx, StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, FileField, TextField } from '../../../platform/ui/fields.js'
import { meetingsT } from '../meetings.i18n.js'
import type { Meeting, MeetingPhoto } from '../meetings.schema.js'
import { numberText } from '../shared.js'

/** Upload one photo with its caption; the same view shows the form again with errors and the caption kept (422/409). */
export const PhotoForm = (p: { ctx: StaffPageCtx; base: string; meeting: Meeting; action: string } & FormState) => {
  const L = p.ctx.lang
  const url = `${p.base}/${p.meeting.id}`
  const title = meetingsT(L, 'photo.formTitle')
  const name = `${p.meeting.title} ${meetingsT(L, 'meeting.number', { number: numberText(p.meeting) })}`
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: meetingsT(L, 'list.title'), href: p.base }, { label: name, href: url }, { label: title, href: p.action }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <p>{name}</p>
      {p.meeting.isPublic && <p>{meetingsT(L, 'photos.public')}</p>}
      <form method="post" action={p.action} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={p.ctx} />
        <FileField name="photo" label={meetingsT(L, 'field.photo')} hint={meetingsT(L, 'field.photoHint')} errors={p.errors} accept=".jpg,.jpeg,.png,.webp,image/jpeg,image/png,image/webp" required />
        <TextField name="caption" label={meetingsT(L, 'field.caption')} hint={meetingsT(L, 'field.captionHint')} values={p.values} errors={p.errors} required max={300} lang={L} />
        <div class="actions">
          <button type="submit">{meetingsT(L, 'photo.submit')}</button>
          <a href={`${url}#photos`}>{meetingsT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}

/** The photos of a meeting with their captions (the caption is also the alt text); `deleteHref` adds a delete link to each. */
export const PhotoList = (p: { ctx: PageCtx; photos: MeetingPhoto[]; src: (photo: MeetingPhoto) => string; deleteHref?: ((photo: MeetingPhoto) => string) | undefined }) => {
  if (p.photos.length === 0) return null
  return (
    <ul class="cards">
      {p.photos.map((ph) => (
        <li class="card" id={`photo-${ph.id}`}>
          <figure>
            <a href={p.src(ph)}>
              <img src={p.src(ph)} alt={ph.caption} width={220} loading="lazy" />
            </a>
            <figcaption>{ph.caption}</figcaption>
          </figure>
          {p.deleteHref && (
            <p>
              <a href={p.deleteHref(ph)}>
                {meetingsT(p.ctx.lang, 'photo.delete')}
                <span class="visually-hidden"> {ph.caption}</span>
              </a>
            </p>
          )}
        </li>
      ))}
    </ul>
  )
}
