import type { FC } from 'hono/jsx'

export type PageLink = { href: string; label: string }

/**
 * Previous / next between pages of a series (the indicators of a year, the measures of a year):
 * plain links with rel="prev" / rel="next", reachable with the keyboard, no JavaScript. `prevText`
 * and `nextText` are the words before each page's name ("ก่อนหน้า", "ถัดไป").
 */
export const PrevNext: FC<{ label: string; prev: PageLink | null; next: PageLink | null; prevText: string; nextText: string }> = ({ label, prev, next, prevText, nextText }) =>
  prev || next ? (
    <nav aria-label={label}>
      <ul class="prev-next">
        <li>
          {prev && (
            <a href={prev.href} rel="prev">
              ← {prevText}: {prev.label}
            </a>
          )}
        </li>
        <li>
          {next && (
            <a href={next.href} rel="next">
              {nextText}: {next.label} →
            </a>
          )}
        </li>
      </ul>
    </nav>
  ) : null
