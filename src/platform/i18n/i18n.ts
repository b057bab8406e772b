export const LANGS = ['th', 'en'] as const
export type Lang = (typeof LANGS)[number]

export type Params = Record<string, string | number>

/**
 * A typed message catalogue: the Thai catalogue defines the keys, the English one must have
 * exactly the same keys (a missing key is a compile error). `{name}` placeholders are filled from params.
 */
export function defineMessages<const K extends string>(th: Record<K, string>, en: Record<NoInfer<K>, string>) {
  const catalogues: Record<Lang, Record<K, string>> = { th, en }
  function t(lang: Lang, key: K, params?: Params): string {
    const text = catalogues[lang][key] ?? catalogues.th[key]
    return params ? text.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m)) : text
  }
  t.keys = Object.keys(th) as K[]
  t.has = (key: string): key is K => key in th
  return t
}
export type Translator<K extends string> = ((lang: Lang, key: K, params?: Params) => string) & { keys: K[] }

export function pickLang(...candidates: (string | null | undefined)[]): Lang {
  for (const c of candidates) if (c === 'th' || c === 'en') return c
  return 'th'
}

/** One key of a catalogue in every language (for manifests, which hold texts for all languages). */
export function localized<K extends string>(tr: (lang: Lang, key: K, params?: Params) => string, key: K): Record<Lang, string> {
  return { th: tr('th', key), en: tr('en', key) }
}
