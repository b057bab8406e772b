import { pgTable, uuid, text, integer, jsonb, timestamp, primaryKey, customType } from 'drizzle-orm/pg-core'

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

export const POST_CATEGORIES = ['announcement', 'procurement', 'pr'] as const
export type PostCategory = (typeof POST_CATEGORIES)[number]
export const DOC_CATEGORIES = ['plan', 'report', 'manual', 'law', 'other'] as const
export type DocCategory = (typeof DOC_CATEGORIES)[number]
export const PUBLISH_STATUSES = ['draft', 'published'] as const
export const QUESTION_STATUSES = ['pending', 'published', 'hidden'] as const
export type QuestionStatus = (typeof QUESTION_STATUSES)[number]
export type SocialLink = { label: string; url: string }

export const portalProfiles = pgTable('portal_profiles', {
  orgId: uuid('org_id').notNull().primaryKey(),
  historyMd: text('history_md').notNull().default(''),
  visionMd: text('vision_md').notNull().default(''),
  dutiesMd: text('duties_md').notNull().default(''),
  accessibilityMd: text('accessibility_md').notNull().default(''),
  privacyMd: text('privacy_md').notNull().default(''),
  cookiesMd: text('cookies_md').notNull().default(''),
  mapUrl: text('map_url'),
  surveyUrl: text('survey_url'),
  socialLinks: jsonb('social_links').$type<SocialLink[]>().notNull().default([]),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})
export type PortalProfile = typeof portalProfiles.$inferSelect

export const portalPosts = pgTable(
  'portal_posts',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    category: text('category').$type<PostCategory>().notNull(),
    title: text('title').notNull(),
    bodyMd: text('body_md').notNull().default(''),
    status: text('status').$type<'draft' | 'published'>().notNull().default('published'),
    publishAt: timestamp('publish_at', { withTimezone: true }).notNull().defaultNow(),
    fiscalYear: integer('fiscal_year').notNull(),
    oitCodes: text('oit_codes').array().notNull().default([]),
    searchText: text('search_text').notNull().default(''),
    searchTsv: tsvector('search_tsv').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type PortalPost = typeof portalPosts.$inferSelect

export const portalDocuments = pgTable(
  'portal_documents',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    category: text('category').$type<DocCategory>().notNull(),
    title: text('title').notNull(),
    descriptionMd: text('description_md').notNull().default(''),
    fiscalYear: integer('fiscal_year').notNull(),
    fileId: uuid('file_id'),
    url: text('url'),
    status: text('status').$type<'draft' | 'published'>().notNull().default('published'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    oitCodes: text('oit_codes').array().notNull().default([]),
    searchText: text('search_text').notNull().default(''),
    searchTsv: tsvector('search_tsv').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type PortalDocument = typeof portalDocuments.$inferSelect

export const portalPostFiles = pgTable(
  'portal_post_files',
  {
    orgId: uuid('org_id').notNull(),
    postId: uuid('post_id').notNull(),
    fileId: uuid('file_id').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.postId, t.fileId] })],
)

export const portalExecutives = pgTable(
  'portal_executives',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    position: text('position').notNull(),
    branch: text('branch').$type<'political' | 'permanent'>().notNull().default('political'),
    phone: text('phone'),
    email: text('email'),
    photoFileId: uuid('photo_file_id'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type PortalExecutive = typeof portalExecutives.$inferSelect

export const portalQuestions = pgTable(
  'portal_questions',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    askerName: text('asker_name').notNull(),
    question: text('question').notNull(),
    answerMd: text('answer_md'),
    status: text('status').$type<'pending' | 'published' | 'hidden'>().notNull().default('pending'),
    answeredBy: uuid('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type PortalQuestion = typeof portalQuestions.$inferSelect
