import type { StaffPageCtx } from '../../ui/page-context.js'
import { CsrfField, StaffLayout } from '../../ui/layout.js'
import { ErrorSummary, TableWrap } from '../../ui/fields.js'
import type { FormErrors } from '../../http/forms.js'
import { formatThaiDateTime } from '../../thai/dates.js'
import { t } from '../../i18n/messages.js'
import type { PendingGrant } from '../role-grants.js'

/** Role requests waiting for a second person; only those who may decide see the buttons. */
export const GrantsPage = ({ ctx, grants, errors }: { ctx: StaffPageCtx; grants: PendingGrant[]; errors?: FormErrors }) => {
  const L = ctx.lang
  const base = `/o/${ctx.org.slug}/admin/users/grants`
  return (
    <StaffLayout ctx={ctx} title={t(L, 'grants.title')}>
      <h1>{t(L, 'grants.title')}</h1>
      <p>{t(L, 'grants.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      {grants.length === 0 ? (
        <p>{t(L, 'grants.none')}</p>
      ) : (
        <TableWrap label={t(L, 'grants.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t(L, 'grants.who')}</th>
                <th scope="col">{t(L, 'grants.role')}</th>
                <th scope="col">{t(L, 'grants.by')}</th>
                <th scope="col">{t(L, 'grants.when')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t(L, 'grants.confirm')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {grants.map((g) => (
                <tr>
                  <td>
                    {g.displayName}
                    <div class="muted">{g.email}</div>
                  </td>
                  <td>{ctx.registry.roleLabel(g.role, L)}</td>
                  <td>{g.requesterEmail}</td>
                  <td>{formatThaiDateTime(g.requestedAt, { lang: L })}</td>
                  <td>
                    {g.mayDecide ? (
                      <form method="post" action={`${base}/${g.id}`} class="actions">
                        <CsrfField ctx={ctx} />
                        <button type="submit" name="decision" value="confirm">
                          {t(L, 'grants.confirm')}
                          <span class="visually-hidden"> {g.email}</span>
                        </button>
                        <button type="submit" name="decision" value="refuse" class="secondary">
                          {t(L, 'grants.refuse')}
                          <span class="visually-hidden"> {g.email}</span>
                        </button>
                      </form>
                    ) : (
                      <span class="muted">{t(L, 'grants.waiting')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </StaffLayout>
  )
}
