import { definePermissions, type PermissionsOf } from '../../platform/auth/permissions.js'

export const risksPermissions = definePermissions({
  'risks.read': { label: { th: 'ดูทะเบียนความเสี่ยงการทุจริต แผนภูมิ และรายงาน', en: 'See the corruption-risk register, heat maps and reports' }, roles: ['agency_admin', 'executive', 'officer', 'viewer'] },
  'risks.edit': { label: { th: 'ประเมินความเสี่ยงการทุจริต เชื่อมมาตรการควบคุม และบันทึกผลการติดตาม', en: 'Assess corruption risks, link control measures and record monitoring' }, roles: ['agency_admin', 'officer'] },
})
declare module '../../platform/auth/permissions.js' {
  interface PermissionNames extends PermissionsOf<typeof risksPermissions> {}
}
