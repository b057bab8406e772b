import { z } from 'zod'
import { f, type FormValues } from '../../platform/http/forms.js'
import { toThaiDateText } from '../../platform/thai/index.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { risksT, type RisksKey } from './risks.i18n.js'
import { RISK_STATUSES, type Risk, type RiskMonitoring } from './risks.schema.js'
import { AREAS, MONITOR_STATUSES, type YearBands } from './rules.js'

const LEVEL_VALUES = ['1', '2', '3', '4', '5'] as const
const level = () => z.enum(LEVEL_VALUES).transform(Number)
const optionalLevel = () =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() ?? '')
    .pipe(z.union([z.literal(''), z.enum(LEVEL_VALUES)]))
    .transform((v) => (v ? Number(v) : null))

export const RiskSchema = z.object({
  fiscalYear: f.fiscalYear(),
  area: f.choice(AREAS),
  process: f.text(300),
  event: f.text(1000),
  cause: f.optionalText(2000).transform((v) => v ?? ''),
  likelihood: level(),
  impact: level(),
  existingControls: f.optionalText(3000).transform((v) => v ?? ''),
  indicator: f.optionalText(500).transform((v) => v ?? ''),
  target: f.optionalText(500).transform((v) => v ?? ''),
  residualLikelihood: optionalLevel(),
  residualImpact: optionalLevel(),
  ownerUnitId: z.string().trim().pipe(z.uuid({ message: 'v.required' })),
  reviewOn: f.thaiDate({ optional: true }).transform((v) => v ?? null),
  status: f.choice(RISK_STATUSES),
})
const RISK_FIELDS = ['fiscalYear', 'area', 'process', 'event', 'cause', 'likelihood', 'impact', 'existingControls', 'indicator', 'target', 'residualLikelihood', 'residualImpact', 'ownerUnitId', 'reviewOn', 'status'] as const
export const riskLabels = (L: Lang) => Object.fromEntries(RISK_FIELDS.map((k) => [k, risksT(L, `field.${k}` as RisksKey)]))
export const riskValues = (r: Risk): FormValues => ({
  fiscalYear: String(r.fiscalYear), area: r.area, process: r.process, event: r.event, cause: r.cause, likelihood: String(r.likelihood), impact: String(r.impact),
  existingControls: r.existingControls, indicator: r.indicator, target: r.target, residualLikelihood: r.residualLikelihood ? String(r.residualLikelihood) : '',
  residualImpact: r.residualImpact ? String(r.residualImpact) : '', ownerUnitId: r.ownerUnitId ?? '', reviewOn: r.reviewOn ? toThaiDateText(r.reviewOn) : '', status: r.status,
})

export const ControlSchema = z.object({ measureId: z.string().trim().pipe(z.uuid({ message: 'v.required' })) })
export const controlLabels = (L: Lang) => ({ measureId: risksT(L, 'field.measureId') })

export const MonitorSchema = z.object({
  status: f.choice(MONITOR_STATUSES),
  note: f.optionalText(3000).transform((v) => v ?? ''),
  recordedOn: f.thaiDate().transform((v) => v ?? ''),
})
export const monitorLabels = (L: Lang) => ({ status: risksT(L, 'field.monitorStatus'), note: risksT(L, 'field.note'), recordedOn: risksT(L, 'field.recordedOn') })
export const monitorValues = (m: RiskMonitoring | undefined, today: string): FormValues => (m ? { status: m.status, note: m.note, recordedOn: toThaiDateText(m.recordedOn) } : { status: 'in_progress', note: '', recordedOn: toThaiDateText(today) })

export const CopySchema = z.object({ to: f.fiscalYear() })
export const copyLabels = (L: Lang) => ({ to: risksT(L, 'field.to') })

export const LinkSchema = z.object({ kind: f.choice(['register', 'monitoring'] as const), target: f.text(200) })
export const linkLabels = (L: Lang) => ({ kind: risksT(L, 'field.kind'), target: risksT(L, 'field.target.link') })

export const BandsSchema = z.object({ lowMax: f.int(1, 24), mediumMax: f.int(1, 24), highMax: f.int(1, 24), reset: f.checkbox() })
export const bandsLabels = (L: Lang) => ({ lowMax: risksT(L, 'bands.lowMax'), mediumMax: risksT(L, 'bands.mediumMax'), highMax: risksT(L, 'bands.highMax'), reset: risksT(L, 'bands.reset') })
export const bandsValues = (yb: YearBands): FormValues => ({ lowMax: String(yb.bands[0]!.max), mediumMax: String(yb.bands[1]!.max), highMax: String(yb.bands[2]!.max) })
