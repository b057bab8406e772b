import { definePermissions, type PermissionsOf } from '../../platform/auth/permissions.js'

export const selfAssessmentPermissions = definePermissions({
  'self-assessment.read': { label: { th: 'ดูผลการประเมินตนเอง IIT/EIT (ค่าประมาณ)', en: 'See IIT/EIT self-assessment estimates' }, roles: ['agency_admin', 'executive', 'officer', 'viewer'] },
  // Opening a round creates its survey: the same roles as surveys.edit.
  'self-assessment.edit': { label: { th: 'เปิดรอบการประเมินตนเอง', en: 'Open self-assessment rounds' }, roles: ['agency_admin', 'officer'] },
})
declare module '../../platform/auth/permissions.js' {
  interface PermissionNames extends PermissionsOf<typeof selfAssessmentPermissions> {}
}
