import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { formAction, type FormState } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { isUuid, uuidParam } from '../../platform/http/params.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { orgBase } from '../../platform/ui/menu.js'
import { ct } from './complaints.i18n.js'
import * as form from './complaints.forms.js'
import { getCase } from './cases.js'
import { appointCommittee, assignCase, changeStatus, markNamed, unassignCase } from './workflow.js'
import { staffMessage } from './messages.js'
import { addCaseFile } from './case-files.js'
import { CasePage, type CaseForm } from './views/case.js'

type Done = Parameters<typeof ct>[1]

/** The case page again, showing the failed form with its values and errors (read afresh, audited). */
const caseView = (c: StaffContext, id: string, which: CaseForm) => async (s: FormState) => <CasePage ctx={pageCtx(c)} v={await getCase(ctxOf(c), id)} failed={{ form: which, ...s }} />

/** Back to the case with a notice (URL from the org, not pageCtx: pageCtx consumes the flash cookie). */
function backToCase(c: StaffContext, id: string, notice: Done): Response {
  flash(c, ct(c.get('lang'), notice))
  return c.redirect(`${orgBase(c.get('org').slug)}/admin/complaints/${id}`, 303)
}

/** Every form of the case page: each on the one bad-input path, answered with the case page. */
export function caseActionRoutes() {
  const app = new Hono<StaffEnv>()
  const manage = requirePermission('complaint.manage')

  app.post('/complaints/:id/status', manage, (c) => {
    const id = uuidParam(c)
    return formAction(c, {
      schema: form.statusSchema(c.get('lang')),
      labels: form.statusLabels(c.get('lang')),
      view: caseView(c, id, 'status'),
      submit: async (d) => {
        await changeStatus(ctxOf(c), id, { to: d.to, outcome: d.outcome || undefined, referredTo: d.referredTo || undefined, reason: d.reason, decidedOn: d.decidedOn })
        return backToCase(c, id, 'case.statusSaved')
      },
    })
  })
  app.post('/complaints/:id/messages', manage, (c) => {
    const id = uuidParam(c)
    return formAction(c, {
      schema: form.staffMessageSchema,
      labels: form.messageLabels(c.get('lang')),
      files: { files: form.attachmentRule() },
      view: caseView(c, id, 'message'),
      submit: async (d, files) => {
        await form.fileErrorsOn('files', () => staffMessage(ctxOf(c), id, d.body, files.files ?? []))
        return backToCase(c, id, 'case.messageSent')
      },
    })
  })
  app.post('/complaints/:id/assign', manage, (c) => {
    const id = uuidParam(c)
    return formAction(c, {
      schema: form.assignSchema,
      labels: form.assignLabels(c.get('lang')),
      view: caseView(c, id, 'assign'),
      submit: async (d) => {
        await assignCase(ctxOf(c), id, d.userId, d.role)
        return backToCase(c, id, 'case.assigned')
      },
    })
  })
  app.post('/complaints/:id/unassign', manage, (c) => {
    const id = uuidParam(c)
    const view = caseView(c, id, 'unassign')
    return formAction(c, {
      schema: form.unassignSchema,
      labels: {},
      // The person is a hidden field of a button: the error is about the whole form.
      view: (s) => view({ ...s, errors: s.errors && { _form: ct(c.get('lang'), 'v.unassign') } }),
      submit: async (d) => {
        await unassignCase(ctxOf(c), id, d.userId)
        return backToCase(c, id, 'case.assigned')
      },
    })
  })
  app.post('/complaints/:id/named', manage, (c) => {
    const id = uuidParam(c)
    return formAction(c, {
      schema: form.namedSchema,
      labels: form.namedLabels(c.get('lang')),
      view: caseView(c, id, 'named'),
      submit: async (d) => {
        await markNamed(ctxOf(c), id, d.namedUserId)
        return backToCase(c, id, 'case.markNamedDone')
      },
    })
  })
  app.post('/complaints/:id/committee', manage, (c) => {
    const id = uuidParam(c)
    return formAction(c, {
      schema: form.committeeSchema(c.get('lang')),
      labels: form.committeeLabels(c.get('lang')),
      view: caseView(c, id, 'committee'),
      submit: async (d) => {
        await appointCommittee(ctxOf(c), id, d.members.filter(isUuid), d.deadline!)
        return backToCase(c, id, 'case.appointed')
      },
    })
  })
  // Committee members upload too (the use case checks their assignment).
  app.post('/complaints/:id/files', requirePermission('complaint.assigned'), (c) => {
    const id = uuidParam(c)
    return formAction(c, {
      schema: form.caseFileSchema,
      labels: form.caseFileLabels(c.get('lang')),
      files: { file: form.attachmentRule(1, true) },
      view: caseView(c, id, 'file'),
      submit: async (d, files) => {
        await form.fileErrorsOn('file', () => addCaseFile(ctxOf(c), id, d.kind, files.file![0]!))
        return backToCase(c, id, 'case.uploaded')
      },
    })
  })
  return app
}
