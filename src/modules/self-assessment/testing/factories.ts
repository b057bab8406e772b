import type { TestClient } from '../../../../tests/support/app.js'

/** Single-use links of a round's survey, issued as staff do (the CSV), as URL paths. */
export async function issueLinkPaths(officer: TestClient, slug: string, surveyId: string, count: number): Promise<string[]> {
  const base = `/o/${slug}/admin/surveys/${surveyId}`
  const res = await officer.post(`${base}/links`, { label: 'บุคลากรทั้งหมด', count: String(count), format: 'csv' }, { csrfFrom: base })
  if (res.status !== 200) throw new Error(`links: ${res.status}`)
  return (await res.text()).trim().split(/\r\n/).slice(1).map((u) => new URL(u).pathname)
}
