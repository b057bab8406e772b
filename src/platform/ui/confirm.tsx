import type { FC } from 'hono/jsx'
import { t } from '../i18n/messages.js'
import type { StaffPageCtx } from './page-context.js'
import { CsrfField, StaffLayout } from './layout.js'

/**
 * A page that asks before something is destroyed (works without JavaScript): what will go, what
 * goes with it, a danger button that posts to `action`, and a way back that changes nothing.
 */
export const ConfirmDeletePage: FC<{ ctx: StaffPageCtx; title: string; intro: string; goesWith?: string[]; action: string; button: string; cancelHref: string }> = (p) => (
  <StaffLayout ctx={p.ctx} title={p.title}>
    <h1>{p.title}</h1>
    <p>{p.intro}</p>
    {p.goesWith && p.goesWith.length > 0 && (
      <>
        <p>{t(p.ctx.lang, 'confirm.goesWith')}</p>
        <ul>
          {p.goesWith.map((x) => (
            <li>{x}</li>
          ))}
        </ul>
      </>
    )}
    <form method="post" action={p.action} class="actions">
      <CsrfField ctx={p.ctx} />
      <button type="submit" class="danger">
        {p.button}
      </button>
      <a href={p.cancelHref}>{t(p.ctx.lang, 'form.cancel')}</a>
    </form>
  </StaffLayout>
)
