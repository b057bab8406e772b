import { StaffLayout } from '../../../platform/ui/layout.js'
import { orgBase } from '../../../platform/ui/menu.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { pt } from '../portal.i18n.js'
import { editorBase } from './staff.js'

/** The editor's home: one card per area (Q&A only for those who moderate). */
export const EditorHome = (p: { ctx: StaffPageCtx }) => {
  const L = p.ctx.lang
  const b = editorBase(p.ctx)
  return (
    <StaffLayout ctx={p.ctx} title={pt(L, 'admin.title')}>
      <h1>{pt(L, 'admin.title')}</h1>
      <ul class="cards">
        <li class="card"><a href={`${b}/posts`}>{pt(L, 'admin.posts')}</a></li>
        <li class="card"><a href={`${b}/documents`}>{pt(L, 'admin.documents')}</a></li>
        <li class="card"><a href={`${b}/profile`}>{pt(L, 'admin.profile')}</a></li>
        <li class="card"><a href={`${b}/executives`}>{pt(L, 'admin.executives')}</a></li>
        {p.ctx.can('portal.moderate') && <li class="card"><a href={`${b}/questions`}>{pt(L, 'admin.questions')}</a></li>}
        <li class="card"><a href={`${orgBase(p.ctx.org.slug)}/`}>{pt(L, 'admin.viewSite')}</a></li>
      </ul>
    </StaffLayout>
  )
}
