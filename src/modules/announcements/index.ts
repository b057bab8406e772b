// The announcements module's read API for other modules (queries and types; no views, no routes).
export { publicAnnouncements } from './announcements.service.js'
export type { PublicAnnouncement } from './announcements.service.js'
export type { Announcement, AnnouncementKind, AnnouncementStatus } from './announcements.schema.js'
