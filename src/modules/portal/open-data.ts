import type { Db } from '../../db/client.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { listUnitsOf } from '../../platform/orgs/orgs.service.js'
import { summary } from '../../platform/ui/markdown.js'
import { orgBase } from '../../platform/ui/menu.js'
import { pt, type PortalKey } from './portal.i18n.js'
import { listPublishedPosts } from './posts.js'
import { listPublishedDocuments } from './documents.js'
import { listPublishedQuestions } from './questions.js'
import { listExecutives } from './executives.js'

// Open data: a JSON API for every public record (described by a hand-written OpenAPI document),
// CSV downloads of each list, and DCAT-style metadata for catalogue harvesting (CKAN).

/** Where the data is read and how its links start (`origin` is the public origin of the site). */
export type DataSource = { db: Db; org: Org; origin: string }
export type Dataset = { id: string; titleKey: PortalKey; columns: string[]; load: (s: DataSource) => Promise<Record<string, unknown>[]> }

const site = (s: DataSource) => `${s.origin}${orgBase(s.org.slug)}`

export const DATASETS: Dataset[] = [
  {
    id: 'posts',
    titleKey: 'ds.posts',
    columns: ['id', 'category', 'title', 'publishAt', 'fiscalYear', 'summary', 'url'],
    load: async (s) =>
      (await listPublishedPosts(s.db, s.org.id, { limit: 5000 })).map((p) => ({
        id: p.id,
        category: p.category,
        title: p.title,
        publishAt: p.publishAt,
        fiscalYear: p.fiscalYear,
        summary: summary(p.bodyMd, 300),
        url: `${site(s)}/news/${p.id}`,
      })),
  },
  {
    id: 'documents',
    titleKey: 'ds.documents',
    columns: ['id', 'category', 'title', 'fiscalYear', 'publishedAt', 'fileName', 'fileUrl', 'externalUrl', 'url'],
    load: async (s) =>
      (await listPublishedDocuments(s.db, s.org.id)).map((d) => ({
        id: d.id,
        category: d.category,
        title: d.title,
        fiscalYear: d.fiscalYear,
        publishedAt: d.publishedAt,
        fileName: d.file?.name ?? null,
        fileUrl: d.file ? `${site(s)}/files/${d.file.id}/${encodeURIComponent(d.file.name)}` : null,
        externalUrl: d.url,
        url: `${site(s)}/documents/${d.id}`,
      })),
  },
  {
    id: 'questions',
    titleKey: 'ds.questions',
    columns: ['id', 'askerName', 'question', 'answer', 'askedAt', 'answeredAt'],
    load: async (s) =>
      (await listPublishedQuestions(s.db, s.org.id, 5000)).map((q) => ({ id: q.id, askerName: q.askerName, question: q.question, answer: q.answerMd, askedAt: q.createdAt, answeredAt: q.answeredAt })),
  },
  {
    id: 'executives',
    titleKey: 'ds.executives',
    columns: ['id', 'name', 'position', 'branch', 'phone', 'email'],
    load: async (s) => (await listExecutives(s.db, s.org.id)).map((e) => ({ id: e.id, name: e.name, position: e.position, branch: e.branch, phone: e.phone, email: e.email })),
  },
  {
    id: 'units',
    titleKey: 'ds.units',
    columns: ['id', 'nameTh', 'nameEn', 'kind'],
    load: async (s) => (await listUnitsOf(s.db, s.org.id)).map((u) => ({ id: u.id, nameTh: u.nameTh, nameEn: u.nameEn, kind: u.kind })),
  },
]

/** The OpenAPI 3.1 description of the datasets (and of disclosure's OIT endpoint). */
export function openApi(org: Org, origin: string) {
  const paths: Record<string, unknown> = {}
  for (const d of DATASETS) {
    const props = Object.fromEntries(d.columns.map((k) => [k, { type: ['string', 'integer', 'null'] }]))
    paths[`/api/${d.id}.json`] = {
      get: {
        summary: pt('th', d.titleKey),
        description: pt('en', d.titleKey),
        operationId: `list_${d.id}`,
        responses: {
          200: {
            description: 'OK',
            content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: { type: 'object', properties: props } } } } } },
          },
        },
      },
    }
    paths[`/data/${d.id}.csv`] = { get: { summary: `${pt('th', d.titleKey)} (CSV)`, operationId: `csv_${d.id}`, responses: { 200: { description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': {} } } } } }
  }
  paths['/api/dcat.json'] = { get: { summary: 'DCAT catalogue (JSON-LD)', operationId: 'dcat', responses: { 200: { description: 'OK', content: { 'application/ld+json': {} } } } } }
  paths['/api/oit/{year}.json'] = {
    get: {
      summary: pt('th', 'api.oitYear'),
      operationId: 'oit_year',
      parameters: [{ name: 'year', in: 'path', required: true, schema: { type: 'integer', example: 2566 } }],
      responses: { 200: { description: 'OK', content: { 'application/json': {} } }, 404: { description: 'No framework for that year' } },
    },
  }
  return { openapi: '3.1.0', info: { title: `${org.nameTh} — Open data API`, version: '1.0.0', description: pt('th', 'api.description') }, servers: [{ url: `${origin}${orgBase(org.slug)}` }], paths }
}

/** The DCAT catalogue (JSON-LD) of the datasets, for harvesting by CKAN and the like. */
export function dcat(org: Org, origin: string) {
  const base = `${origin}${orgBase(org.slug)}`
  return {
    '@context': { dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/', foaf: 'http://xmlns.com/foaf/0.1/' },
    '@id': `${base}/api/dcat.json`,
    '@type': 'dcat:Catalog',
    'dct:title': pt('th', 'api.catalogue', { name: org.nameTh }),
    'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': org.nameTh },
    'dct:language': 'th',
    'dcat:dataset': DATASETS.map((d) => ({
      '@id': `${base}/api/${d.id}.json`,
      '@type': 'dcat:Dataset',
      'dct:identifier': `${org.slug}-${d.id}`,
      'dct:title': `${pt('th', d.titleKey)} — ${org.nameTh}`,
      'dct:description': pt('en', d.titleKey),
      'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': org.nameTh },
      'dct:license': 'https://opendefinition.org/licenses/cc-by/',
      'dcat:keyword': ['อปท.', 'ITA', 'OIT', d.id],
      'dcat:landingPage': `${base}/opendata`,
      'dcat:distribution': [
        { '@type': 'dcat:Distribution', 'dct:format': 'JSON', 'dcat:mediaType': 'application/json', 'dcat:accessURL': `${base}/api/${d.id}.json`, 'dcat:downloadURL': `${base}/api/${d.id}.json` },
        { '@type': 'dcat:Distribution', 'dct:format': 'CSV', 'dcat:mediaType': 'text/csv', 'dcat:accessURL': `${base}/data/${d.id}.csv`, 'dcat:downloadURL': `${base}/data/${d.id}.csv` },
      ],
    })),
  }
}
