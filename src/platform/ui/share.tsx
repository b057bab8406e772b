import type { FC } from 'hono/jsx'
import type { PageCtx } from './page-context.js'
import { t } from '../i18n/messages.js'

// Sharing a public page the way Thai citizens do: into LINE, or by copying its link. Both are plain
// links (LINE's own share page; the page itself), so they work without JavaScript; with it, the
// copy link copies the address instead (static/app.js) and says so in its status region.

/** LINE's share page for a URL (social-plugins.line.me, LINE's documented share endpoint). */
export const lineShareHref = (url: string) => `https://social-plugins.line.me/lineit/share?url=${encodeURIComponent(url)}`

export const ShareLinks: FC<{ ctx: PageCtx }> = ({ ctx }) => {
  const url = `${ctx.siteOrigin}${ctx.path}`
  return (
    <p class="share-links">
      <a href={lineShareHref(url)} rel="noopener noreferrer" target="_blank">
        {t(ctx.lang, 'share.line')}
      </a>
      {' · '}
      <a href={url} data-copy-link="" data-copied={t(ctx.lang, 'share.copied')} aria-describedby="share-status">
        {t(ctx.lang, 'share.copy')}
      </a>{' '}
      <span id="share-status" role="status" class="muted"></span>
    </p>
  )
}
