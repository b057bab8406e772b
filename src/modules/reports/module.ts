import { defineModule } from '../../platform/module/manifest.js'

/** Document renderers for the measures report (HTML, DOCX, PDF) and its DOCX importer; no tables or routes. */
export const reportsModule = defineModule({
  id: 'reports',
  label: { th: 'รายงานผลการดำเนินการตามมาตรการ', en: 'Measures report documents' },
})
