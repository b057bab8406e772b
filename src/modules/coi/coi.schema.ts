import { pgTable, uuid, text, integer, smallint, boolean, date, timestamp, primaryKey } from 'drizzle-orm/pg-core'
import type { InterestKind, Relation } from './matcher.js'

export const DECLARATION_KINDS = ['annual', 'appointment', 'change'] as const
export type DeclarationKind = (typeof DECLARATION_KINDS)[number]
export const COMMITTEES = ['procurement', 'inspection'] as const
export type Committee = (typeof COMMITTEES)[number]
export const COMMITTEE_ROLES = ['chair', 'member', 'secretary'] as const
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number]
export const DECLARATION_STATUSES = ['submitted', 'acknowledged', 'more_info', 'withdrawn'] as const
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number]
/** Filed by the person signed in, recorded from paper by an officer, or filed through a single-use link. */
export type DeclarationVia = 'self' | 'officer' | 'link'

export const coiDeclarations = pgTable(
  'coi_declarations',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    kind: text('kind').$type<DeclarationKind>().notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    declaredOn: date('declared_on').notNull(),
    committee: text('committee').$type<Committee>(),
    committeeRole: text('committee_role').$type<CommitteeRole>(),
    project: text('project'),
    bidders: text('bidders').notNull().default(''),
    noInterest: boolean('no_interest').notNull().default(false),
    note: text('note').notNull().default(''),
    status: text('status').$type<DeclarationStatus>().notNull().default('submitted'),
    via: text('via').$type<DeclarationVia>().notNull(),
    reviewNote: text('review_note').notNull().default(''),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Declaration = typeof coiDeclarations.$inferSelect

export const coiInterests = pgTable(
  'coi_interests',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    declarationId: uuid('declaration_id').notNull(),
    position: smallint('position').notNull(),
    kind: text('kind').$type<InterestKind>().notNull(),
    relation: text('relation').$type<Relation>().notNull(),
    holderName: text('holder_name').notNull().default(''),
    partyName: text('party_name').notNull().default(''),
    juristicId: text('juristic_id'),
    detail: text('detail').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type InterestRow = typeof coiInterests.$inferSelect

export const MATTER_RESOLUTIONS = ['recused', 'replaced', 'no_conflict'] as const
export type MatterResolution = (typeof MATTER_RESOLUTIONS)[number]
export const coiMatters = pgTable(
  'coi_matters',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    fiscalYear: integer('fiscal_year').notNull(),
    personId: uuid('person_id').notNull(),
    declarationId: uuid('declaration_id'),
    project: text('project').notNull(),
    partyName: text('party_name').notNull(),
    partyJuristicId: text('party_juristic_id'),
    matchedBy: text('matched_by').$type<'juristic_id' | 'name'>().notNull(),
    interestSummary: text('interest_summary').notNull().default(''),
    foundOn: date('found_on').notNull(),
    status: text('status').$type<'open' | 'resolved'>().notNull().default('open'),
    resolution: text('resolution').$type<MatterResolution>(),
    resolutionNote: text('resolution_note').notNull().default(''),
    resolvedOn: date('resolved_on'),
    resolvedBy: uuid('resolved_by'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Matter = typeof coiMatters.$inferSelect

export const coiRounds = pgTable(
  'coi_rounds',
  {
    orgId: uuid('org_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    dueOn: date('due_on').notNull(),
    openedBy: uuid('opened_by'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.fiscalYear] })],
)
