import { definePermissions, type PermissionsOf } from '../../platform/auth/permissions.js'

// Declarations are personal data (PDPA). Everyone declares and reads their own; the register of
// everyone's declarations is read by the executive (who reviews) and officers (who keep it, record
// paper declarations and check parties). The agency admin, the complaints officer and viewers see only their own.
export const coiPermissions = definePermissions({
  'coi.self': { label: { th: 'ยื่นและดูแบบเปิดเผยส่วนได้เสียของตนเอง', en: 'File and see one’s own declarations of interest' }, roles: ['agency_admin', 'executive', 'officer', 'complaints_officer', 'viewer'] },
  'coi.register': { label: { th: 'ดูทะเบียนการเปิดเผยส่วนได้เสียของบุคลากรทุกคน', en: 'See everyone’s declarations of interest' }, roles: ['executive', 'officer'] },
  'coi.manage': { label: { th: 'บันทึกแบบจากกระดาษ ตรวจคู่สัญญากับกรรมการ และบันทึกเรื่องที่พบ', en: 'Record paper declarations, check parties against a committee, record matters' }, roles: ['officer'] },
  'coi.review': { label: { th: 'พิจารณาและรับทราบแบบเปิดเผยส่วนได้เสีย', en: 'Review and acknowledge declarations' }, roles: ['executive'] },
})
declare module '../../platform/auth/permissions.js' {
  interface PermissionNames extends PermissionsOf<typeof coiPermissions> {}
}
