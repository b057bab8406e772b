// The portal module's read API for other modules (queries and types; no views, no routes).
export { publicEvidence, type PublicEvidence } from './evidence.js'
export { getPublicFile } from './files.js'
export { getProfile } from './profile.js'
export { trailTo } from './menu.js'
export { POST_CATEGORIES, DOC_CATEGORIES, type PostCategory, type DocCategory } from './portal.schema.js'
