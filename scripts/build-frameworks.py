#!/usr/bin/env python3
"""Builds data/frameworks/<FY>.json (our schema) from ../shared/ita-framework.json.

Run once when the shared research changes; the output is committed and reviewed, and a platform
admin can correct a year later from the UI (a new version in the database). Every rule keeps the
confidence and source the research gave it."""
import json, pathlib, re

root = pathlib.Path(__file__).resolve().parent.parent
src = json.loads((root.parent / 'shared' / 'ita-framework.json').read_text())

CONF = {'high': 'high', 'medium': 'medium', 'low': 'low', 'uncertain': 'uncertain', 'unknown': 'unknown'}
def conf(text):
    t = (text or '').lower()
    for k in ['uncertain', 'unknown', 'low-medium', 'medium-high', 'high', 'medium', 'low']:
        if t.startswith(k) or (' ' + k) in t[:30] or t.startswith(k):
            return {'low-medium': 'low', 'medium-high': 'medium'}.get(k, k)
    return 'uncertain'

RATING_IDS = {'ผ่านดีเยี่ยม': 'excellent', 'ผ่านดี': 'good', 'ผ่าน': 'pass', 'ต้องปรับปรุง': 'needs_improvement', 'ต้องปรับปรุงโดยด่วน': 'urgent_improvement'}
RATING_RULES = {  # machine form of the research's prose rules, evaluated in order
    'excellent': {'minTotal': 95, 'minEachTool': 95},
    'good': {'minTotal': 85, 'minEachTool': 85},
    'pass': {'minTotal': 85},
    'needs_improvement': {'minTotal': 70},
    'urgent_improvement': {'minTotal': 0},
}
RATING_EN = {'excellent': 'Excellent pass', 'good': 'Good pass', 'pass': 'Pass', 'needs_improvement': 'Needs improvement', 'urgent_improvement': 'Needs urgent improvement'}

def build(fy):
    y = src['years'][str(fy)]
    s2566 = src['years']['2566']
    tools = []
    for t in y['tools']:
        tools.append({
            'code': t['code'].lower(), 'nameTh': t['name_th'], 'nameEn': t['name_en'],
            'indicators': t['indicators'], 'weight': t['weight_percent'],
            'confidence': conf(t.get('weight_confidence')), 'source': t.get('weight_confidence', ''),
        })
    items = []
    for i in y['oit_items']:
        sub = i.get('subindicator') or ''
        m = re.match(r'(\d+\.\d+)', sub)
        items.append({
            'code': i['code'], 'titleTh': i['title_th'], 'subIndicator': m.group(1) if m else None,
            'evidenceNotes': i.get('evidence_notes', ''), 'confidence': conf(i.get('confidence')), 'source': i.get('sources', ''),
        })
    indicators = []
    for ind in y['indicators']:
        subs = []
        for sname in ind.get('subindicators', []):
            m = re.match(r'(\d+\.\d+)\s*(.*)', sname)
            if not m:
                continue
            code, name = m.group(1), re.sub(r'\s*\((some sources|name per)[^)]*\)', '', m.group(2)).strip()
            if name in ('…', ''):
                # 2567 repeats 2566's groups without names; take 2566's name, marked uncertain
                prev = next((x for x in s2566['indicators'] if x['no'] == ind['no']), {'subindicators': []})
                name = next((re.sub(r'^\d+\.\d+\s*', '', p) for p in prev['subindicators'] if p.startswith(code)), code)
            name = re.sub(r'\s*\((some sources|name per)[^)]*\)', '', name).strip()
            subs.append({'code': code, 'nameTh': name, 'itemCodes': [it['code'] for it in items if it['subIndicator'] == code]})
        indicators.append({
            'number': ind['no'], 'tool': ind['tool'].lower(), 'nameTh': ind['name_th'], 'nameEn': ind['name_en'].replace(' (working translation)', ''),
            'subIndicators': subs,
            'confidence': 'medium' if fy == 2566 else 'uncertain' if subs == [] and ind['tool'] == 'OIT' else 'medium',
            'source': '; '.join(s2566.get('indicator_sources', [])),
        })
    levels = [{'level': l['level'], 'min': l['min'], 'max': l['max'], 'confidence': 'medium', 'source': y['levels_notes'].get('letter_source', '')}
              for l in y['levels'] if l.get('system') == 'letter']
    if not levels:
        # Letters for this year are not verified; carry the previous year's bands, marked so.
        levels = [{**l, 'confidence': 'uncertain', 'source': 'not verified for %d: carried from %d (%s)' % (fy, fy - 1, y['levels_notes'].get('letter_levels', ''))}
                  for l in build(fy - 1)['levels']]
    ratings = []
    for l in y['levels']:
        if l.get('system') != 'qualitative_rating':
            continue
        rid = RATING_IDS[l['rating']]
        ratings.append({'rating': rid, 'labelTh': l['rating'], 'labelEn': RATING_EN[rid], **RATING_RULES[rid],
                        'ruleText': l['rule'], 'confidence': conf(l.get('confidence')), 'source': l.get('confidence', '')})
    scoring = s2566['scoring']
    return {
        'fiscalYear': fy,
        'version': 1,
        'note': {
            2566: 'Built from shared/ita-framework.json. OIT items O1–O43 with sub-indicator groups (medium confidence).',
            2567: 'OIT list ASSUMED equal to 2566 (attested only for O1–O5, O11–O12); later numbering uncertain.',
            2568: 'OIT list partial (26 items; O2 not found); sub-indicator groups not verified. Check against the NACC manual.',
        }[fy],
        'tools': tools,
        'indicators': indicators,
        'oitItems': items,
        'scoring': {
            'weights': {t['code']: t['weight'] for t in tools},
            'toolScore': 'mean_of_indicators',
            'oitItem': 'yes_full_no_zero',
            'oitIndicator': 'mean_of_subindicator_percentages',
            'confidence': 'medium',
            'source': scoring['oit']['aggregation_inferred'],
        },
        'passThreshold': 85,
        'levels': levels,
        'ratings': ratings,
    }

out = root / 'data' / 'frameworks'
out.mkdir(parents=True, exist_ok=True)
for fy in (2566, 2567, 2568):
    (out / f'{fy}.json').write_text(json.dumps(build(fy), ensure_ascii=False, indent=2) + '\n')
    print('wrote', out / f'{fy}.json')
