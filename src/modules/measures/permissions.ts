import { definePermissions, type PermissionsOf } from '../../platform/auth/permissions.js'

export const measuresPermissions = definePermissions({
  'measure.read': { label: { th: 'ดูมาตรการและกิจกรรม', en: 'See measures and activities' }, roles: ['agency_admin', 'executive', 'officer', 'viewer'] },
  'measure.edit': { label: { th: 'บันทึกมาตรการ กิจกรรม และหลักฐาน', en: 'Record measures, activities and evidence' }, roles: ['agency_admin', 'officer'] },
  'measure.approve': { label: { th: 'อนุมัติมาตรการ', en: 'Approve measures' }, roles: ['executive'] },
  'report.generate': { label: { th: 'จัดทำรายงานผลการดำเนินการ', en: 'Produce the measures report' }, roles: ['agency_admin', 'executive', 'officer'] },
})
declare module '../../platform/auth/permissions.js' {
  interface PermissionNames extends PermissionsOf<typeof measuresPermissions> {}
}
