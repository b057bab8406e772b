// The meetings module's read API for other modules (queries and types; no views, no routes).
export { publicMeetings, type PublicMeeting } from './meetings.service.js'
export type { Meeting, MeetingStatus, AgendaItem } from './meetings.schema.js'
