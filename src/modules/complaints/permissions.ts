import { definePermissions, type PermissionsOf } from '../../platform/auth/permissions.js'

// Need-to-know: agency admins are deliberately absent; the complaints officer role is the module's own.
export const complaintsPermissions = definePermissions({
  'complaint.intake': { label: { th: 'รับเรื่องร้องเรียนแทนผู้ร้อง', en: 'Take complaints on behalf of reporters' }, roles: ['complaints_officer'] },
  'complaint.read': { label: { th: 'อ่านเรื่องร้องเรียนทั้งหมด', en: 'Read every complaint' }, roles: ['complaints_officer'] },
  'complaint.manage': { label: { th: 'ดำเนินการเรื่องร้องเรียน', en: 'Handle complaints' }, roles: ['complaints_officer'] },
  'complaint.assigned': { label: { th: 'ดูเรื่องที่ได้รับมอบหมาย', en: 'See complaints assigned to one' }, roles: ['executive', 'officer', 'complaints_officer'] },
  'complaint.settings': { label: { th: 'ตั้งค่าช่องทางร้องเรียน', en: 'Complaint channel settings' }, roles: ['complaints_officer'] },
})
declare module '../../platform/auth/permissions.js' {
  interface PermissionNames extends PermissionsOf<typeof complaintsPermissions> {}
}
