import type { FC } from 'hono/jsx'
import { Layout } from './layout.js'
import type { PageCtx } from './page-context.js'
import { t } from '../i18n/messages.js'

export const ErrorPage: FC<{ ctx: PageCtx; title: string; detail?: string | undefined; showRequestId?: boolean }> = ({ ctx, title, detail, showRequestId }) => (
  <Layout ctx={ctx} title={title}>
    <h1>{title}</h1>
    {detail && <p>{detail}</p>}
    {showRequestId && <p class="muted">{t(ctx.lang, 'errors.requestId', { id: ctx.requestId })}</p>}
    <p>
      <a href={ctx.org ? `/o/${ctx.org.slug}/` : '/'}>{t(ctx.lang, 'errors.backHome')}</a>
    </p>
  </Layout>
)
