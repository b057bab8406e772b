import { definePermissions, type PermissionsOf } from '../../platform/auth/permissions.js'

export const assessmentPermissions = definePermissions({
  'assessment.read': { label: { th: 'ดูคะแนนและการวิเคราะห์ ITA', en: 'See ITA scores and analysis' }, roles: ['agency_admin', 'executive', 'officer', 'viewer'] },
  'assessment.edit': { label: { th: 'บันทึกคะแนนและแผนการปรับปรุง', en: 'Enter scores and improvement plans' }, roles: ['agency_admin', 'officer'] },
  'framework.manage': { label: { th: 'จัดการกรอบการประเมิน ITA', en: 'Manage ITA frameworks' }, roles: ['platform_admin'] },
})
declare module '../../platform/auth/permissions.js' {
  interface PermissionNames extends PermissionsOf<typeof assessmentPermissions> {}
}
