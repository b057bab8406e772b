"""Builds src/domain/ita/frameworks/<FY>.json from ../shared/ita-framework.json (run when the research changes;
the output is committed and reviewed). Every rule keeps its confidence and source."""
import json, re, pathlib
ROOT = pathlib.Path(__file__).resolve().parent.parent
src = json.load(open(ROOT.parent / 'shared' / 'ita-framework.json'))
Y = src['years']
OUT = ROOT / 'src' / 'domain' / 'ita' / 'frameworks'

def P(conf, source, note=None):
    d = {'confidence': conf, 'source': source}
    if note: d['note'] = note
    return d

def conf_of(s):
    s = (s or '').strip().lower()
    if s.startswith('uncertain'): return 'uncertain'
    if s.startswith('unknown'): return 'unknown'
    if s.startswith('low-medium'): return 'low_medium'
    if s.startswith('medium-high'): return 'medium_high'
    for k in ('high', 'medium', 'low'):
        if s.startswith(k): return k
    raise ValueError(s)

WEIGHT_SRC = ('NACC ITA 2564 report table (OIT column max 40.00 = 0.4 × mean(ind 9, ind 10)), '
              'https://online.anyflip.com/qxtmp/cuda/files/basic-html/page138.html; '
              'University of Phayao ITA dashboard code (0.3/0.3/0.4); ita-framework.md §1.3')
TOOL_NAME_SRC = 'ita-framework.md §1.3; ita-framework.json tools_note (common NACC names, e.g. kruachieve.com OIT page)'
TOOL_NAME_NOTE = 'Exact official wording per year not re-verified.'

def tools(fy):
    wconf = {2566: 'medium', 2567: 'medium', 2568: 'low_medium'}[fy]
    wnote = 'No available NACC document for 2566–2568 states the weights directly.'
    if fy == 2568:
        wnote += ' The material marks the weights low-medium for 2568 (ita-framework.json years.2568.scoring).'
    out = {}
    for t in Y[str(fy)]['tools']:
        code = t['code'].lower()
        tool = {
            'nameTh': t['name_th'], 'nameEn': t['name_en'], 'respondents': t['respondents'],
            'weight': {'percent': t['weight_percent'], **P(wconf, WEIGHT_SRC, wnote)},
        }
        if code == 'oit':
            tool['scoreRule'] = {'method': 'mean_of_indicators', **P('low',
                'NACC ITA 2564 report table, https://online.anyflip.com/qxtmp/cuda/files/basic-html/page138.html (weighted OIT = 0.4 × mean(ind 9, ind 10) reproduces all 13 rows); ita-framework.md §1.9',
                'High confidence for 2564; not verified for 2566–2568, so carried over as an inference.')}
            if fy == 2568:
                tool['indicatorScoreRule'] = {'method': 'mean_of_sub_indicator_percentages', **P('uncertain',
                    'ita-framework.md §1.9 (inferred from the 2564 table)', 'The 2568 sub-indicator grouping was not found, so this rule cannot be applied to 2568 items yet.')}
            else:
                tool['indicatorScoreRule'] = {'method': 'mean_of_sub_indicator_percentages', **P('low',
                    'ita-framework.md §1.9: reproduces the NACC 2564 published values with sub-indicator sizes 9/8/7/4/5 and 8/2 (e.g. 97.14, 93.75)',
                    'Inferred for 2564 [M]; not verified for 2566–2568. An item counts 1 when answered มี and accepted, else 0.')}
        else:
            tool['scoreRule'] = {'method': 'mean_of_indicators', **P('uncertain',
                'ita-framework.md §1.9 (aggregation of IIT/EIT answers into indicator and tool scores was not found)',
                'Working assumption: mean over respondents and sub-items, then items, then indicators.')}
        if fy == 2566 and code == 'eit':
            tool['parts'] = [
                {'code': f'eit.{n}', 'nameTh': f'EIT ส่วนที่ {n}',
                 'weight': {'percent': None, **P('unknown', 'not found: /work/shared/rules/ita-rules.md §2 ("What parts 1 and 2 are, and their weights: not found")',
                                                 'Unverified: no weight is given, so the EIT score stays the mean of its indicators; the parts count only in the rating check.')},
                 **P('low', 'thamaikan.go.th (2566 result by tool: "IIT, EIT ส่วนที่ 1, EIT ส่วนที่ 2 และ OIT"), cited in ita-framework.md §1.3 and ita-rules.md §2',
                     'What each part measures was not found (unverified); reading them as assessor sample and self-answer channel is a guess.')}
                for n in (1, 2)]
        tool.update(P('medium', TOOL_NAME_SRC, TOOL_NAME_NOTE + (' ' + t['notes'] if t.get('notes') else '')))
        out[code] = tool
    return out

SUB_EN = {'9.1': 'Basic information', '9.2': 'Administration', '9.3': 'Procurement',
          '9.4': 'Human resource management and development', '9.5': 'Promotion of transparency',
          '10.1': 'Actions to prevent corruption', '10.2': 'Internal measures to prevent corruption'}
SUB_TH_2566 = {'9.1': 'ข้อมูลพื้นฐาน', '9.2': 'การบริหารงาน', '9.3': 'การจัดซื้อจัดจ้างหรือการจัดหาพัสดุ',
               '9.4': 'การบริหารและพัฒนาทรัพยากรบุคคล', '9.5': 'การส่งเสริมความโปร่งใส',
               '10.1': 'การดำเนินการเพื่อป้องกันการทุจริต', '10.2': 'มาตรการภายในเพื่อป้องกันการทุจริต'}
SUB_SRC_2566 = ('ita-framework.md §1.7.2 (grouping caveats); https://nongkhao.go.th/page/ita2566.php; '
                'http://www.horwang.ac.th/oit66/9-3.htm; public GitHub code lists')
RANGES_2566 = Y['2566']['subindicator_item_ranges']

def subs(fy, number):
    if fy == 2568: return []
    out = []
    for code, th in SUB_TH_2566.items():
        if not code.startswith(f'{number}.'): continue
        rng = RANGES_2566[code]
        if fy == 2566:
            note = f'Items {rng.replace("-", "–")}.'
            if code == '9.3': note += ' Some sources name it การบริหารเงินงบประมาณ.'
            if code.startswith('10.'): note += ' The 10.1/10.2 split is partly inferred.'
            out.append({'code': code, 'nameTh': th, 'nameEn': SUB_EN[code], **P('medium', SUB_SRC_2566, note)})
        else:
            if code == '9.1':
                out.append({'code': code, 'nameTh': th, 'nameEn': SUB_EN[code], **P('medium',
                    'song.go.th/ita.php (ITA 2567: ตัวชี้วัดที่ 9 has 5 sub-indicators; o1–o3 as in 2566); kotham.ac.th/service-information/oit-2566-2')})
            elif code == '9.2':
                out.append({'code': code, 'nameTh': 'การบริหารงานและการใช้จ่ายงบประมาณ', 'nameEn': 'Administration and budget spending', **P('low',
                    'khukhan 2567 OIT page (name of 9.2)', 'The 2566 name is การบริหารงาน.')})
            else:
                out.append({'code': code, 'nameTh': th, 'nameEn': SUB_EN[code], **P('uncertain',
                    'copied from 2566 (ita-framework.json years.2567 lists no name)', 'Assumed same as 2566.')})
    return out

IND_EN = {1: 'Performance of duties', 2: 'Use of budget', 3: 'Use of authority', 4: 'Use of government property',
          5: 'Addressing corruption problems', 6: 'Quality of operations', 7: 'Effectiveness of communication',
          8: 'Improvement of working methods', 9: 'Information disclosure', 10: 'Corruption prevention'}
IIT_RANGES = {1: ('i1', 'i6'), 2: ('i7', 'i12'), 3: ('i13', 'i18'), 4: ('i19', 'i24'), 5: ('i25', 'i30')}
EIT_RANGES = {6: ('e1', 'e5'), 7: ('e6', 'e10'), 8: ('e11', 'e15')}

def indicators(fy):
    out = []
    for ind in Y[str(fy)]['indicators']:
        n = ind['no']
        d = {'number': n, 'tool': ind['tool'].lower(), 'nameTh': ind['name_th'], 'nameEn': IND_EN[n], 'subIndicators': subs(fy, n)}
        if n in IIT_RANGES:
            a, b = IIT_RANGES[n]
            d['itemRange'] = {'first': a, 'last': b, **P('low',
                'github:sontaya/sdu-iit application/views/internal/form.php (ITA 2564 form); https://sakonarea1.go.th/new2024/iit (2567: 30 items)',
                'Item-to-indicator mapping attested for 2564; assumed unchanged.')}
            d.update(P('medium', 'https://sakonarea1.go.th/new2024/iit (IIT 2567: indicators 1–5, 30 items); github:sontaya/sdu-iit application/views/internal/form.php (2564)'))
        elif n in EIT_RANGES:
            a, b = EIT_RANGES[n]
            d['itemRange'] = {'first': a, 'last': b, **P('uncertain', 'ita-framework.md §1.4', 'The e1–e15 numbering is an assumption and was not verified.')}
            d.update(P('low', 'ita-framework.md §1.4 (ITA design from 2563 onward); nakhulocal.go.th (2564 invitation, EIT in prose)',
                       'No year-specific source names indicators 6–8.'))
        else:
            if fy == 2568:
                d.update(P('medium', 'ita-framework.json years.2568.indicators; dcontrol.dld.go.th (OIT 2566); khukhan, kotham, banrubpraek OIT pages',
                           'Not restated by a 2568 source; the 2568 OIT list was restructured and its sub-indicators were not found.'))
            else:
                d.update(P('high', 'dcontrol.dld.go.th (OIT 2566 page); khukhan, kotham and banrubpraek OIT pages'))
        out.append(d)
    return out

DOC_FY = {
    2566: {
        'O11': ('current', 'low', 'hia.anamai.moph.go.th/th/oit-2 (2567 guidance); ita-framework.md §1.8', 'Plans cover the assessment year; attested for 2567, assumed for 2566.'),
        'O12': ('current', 'low', 'hia.anamai.moph.go.th/th/oit-2 (2567 guidance); ita-framework.md §1.8', 'First 6 months of the assessment year; attested for 2567, assumed for 2566.'),
        'O13': ('previous', 'low', 'ita-framework.md §1.7.2, §1.8', 'Details not verified.'),
        'O22': ('previous', 'low', 'ita-framework.md §1.7.2, §1.8', 'Details not verified.'),
        'O40': ('current', 'medium', '75010020.skm.go.th (OIT 2566 pages)', 'Activities within FY 2566.'),
    },
    2567: {
        'O11': ('current', 'medium', 'hia.anamai.moph.go.th/th/oit-2 (2567 guidance)', None),
        'O12': ('current', 'medium', 'hia.anamai.moph.go.th/th/oit-2 (2567 guidance)', 'First 6 months of the assessment year.'),
        'O13': ('previous', 'uncertain', 'ita-framework.md §1.8 (general rule); item assumed same as 2566', None),
        'O22': ('previous', 'uncertain', 'ita-framework.md §1.8 (general rule); item assumed same as 2566', None),
        'O40': ('current', 'uncertain', '75010020.skm.go.th (2566); item assumed same as 2566', None),
    },
    2568: {
        'O12': ('current', 'low_medium', 'noenkum.phitsanulok.police.go.th (police unit, 2568); ita-framework.md §1.7.4', 'First 6 months of the assessment year; mapping this format to O12 is an inference.'),
        'O13': ('previous', 'medium', 'github:rtrdasmartrailway/web-app-rtrda src/lib/wp/ita-headings-override.ts (2568 section links the 2567 report)', None),
        'O15': ('previous', 'medium', 'github:rtrdasmartrailway/web-app-rtrda src/lib/wp/ita-headings-override.ts (2568 section links the 2567 report)', None),
        'O19': ('previous', 'medium', 'github:rtrdasmartrailway/web-app-rtrda src/lib/wp/ita-headings-override.ts (2568 section links the 2567 statistics)', None),
    },
}

def oit_items(fy):
    out = []
    for it in Y[str(fy)]['oit_items']:
        m = re.match(r'(\d+)\.(\d+)', it.get('subindicator') or '')
        title = it['title_th']
        note = None
        if title == '(not found)':
            title = None
        if fy == 2568 and it['code'] == 'O25':
            title = 'แผนปฏิบัติการป้องกัน(ปราบปราม)การทุจริต'
            note = "RTRDA links its ministry's plan; the title is shortened with … in the material."
        conf_raw = it.get('confidence', '')
        conf = conf_of(conf_raw)
        if conf_raw.startswith('uncertain:'):
            note = conf_raw.split(':', 1)[1].strip().capitalize() + '.'
        source = it.get('sources') or 'not found in available material (ita-framework.md §1.7.4)'
        if fy == 2568 and it['code'] in ('O2', 'O5', 'O6', 'O7'):
            note = 'Title not found. ' + Y['2568']['hypothesis_O2_O5_O7']
        ev = {'notes': [it['evidence_notes']] if it.get('evidence_notes') else []}
        dfy = DOC_FY[fy].get(it['code'])
        if dfy:
            rel, c, s, n = dfy
            ev['documentFiscalYear'] = {'relative': rel, **P(c, s, n)}
        d = {'code': it['code'], 'titleTh': title,
             'indicator': int(m.group(1)) if m else None,
             'subIndicator': f'{m.group(1)}.{m.group(2)}' if m else None,
             'evidence': ev, **P(conf, source, note)}
        out.append(d)
    return out

IIT_SRC = 'github:sontaya/sdu-iit application/views/internal/form.php (replica of the NACC ITA 2564 IIT form)'
def questions(fy):
    out = []
    note = 'ITA 2564 wording; the 2566–2568 wording was not found and may differ.'
    if fy == 2567: note += ' https://sakonarea1.go.th/new2024/iit confirms 30 IIT items for 2567.'
    for q in src['iit_items_2564']:
        scores = [int(x) for x in q['answer_scores']]
        by_sub = q.get('answer_scores_by_sub') or {}
        subs_ = []
        for s in q['sub_items']:
            sd = {'textTh': s}
            if s in by_sub and [int(x) for x in by_sub[s]] != scores:
                sd['answerScores'] = [int(x) for x in by_sub[s]]
            subs_.append(sd)
        out.append({'code': q['code'], 'tool': 'iit', 'indicator': q['indicator'], 'textTh': q['text_th'],
                    'subItems': subs_, 'answerScale': 'yes_no' if len(scores) == 2 else 'four_level',
                    'answerScores': scores, **P('low', IIT_SRC, note)})
    return out

def answer_scales():
    return {
        'four_level': {'labelsTh': ['น้อยที่สุดหรือไม่มีเลย', 'น้อย', 'มาก', 'มากที่สุด'], **P('low', IIT_SRC,
            'Positive items score 0/33/67/100, negative (reversed) items 100/67/33/0. High confidence for 2564; not verified for 2566–2568.')},
        'yes_no': {'labelsTh': ['มี', 'ไม่มี'], **P('low', IIT_SRC,
            'i4–i6: มี = 0, ไม่มี = 100; i26: มี = 100, ไม่มี = 0. High confidence for 2564; not verified for 2566–2568.')},
    }

LEVEL_SRC = 'https://www.sme.go.th/uploads/eBooks/eBook_65/files/basic-html/page80.html'
def levels(fy):
    out = []
    for b in Y['2566']['levels']:
        if b.get('system') != 'letter': continue
        if fy == 2566: c, note = 'high', 'Attested in published results for 2562–2566.'
        elif fy == 2567: c, note = 'medium', 'Attested for 2562–2566; carried to 2567 by the material without a 2567-specific source.'
        else: c, note = 'uncertain', 'Not verified whether AA–F letters are still published for 2568 (ita-framework.json years.2568.levels_notes).'
        if b.get('meaning_th_excerpt'): note += ' Meaning as agencies restate it: ' + b['meaning_th_excerpt'] + '.'
        out.append({'level': b['level'], 'min': b['min'], 'max': b['max'], **P(c, LEVEL_SRC, note)})
    return out

RATING_IDS = {'ผ่านดีเยี่ยม': 'excellent', 'ผ่านดี': 'good', 'ผ่าน': 'pass', 'ต้องปรับปรุง': 'needs_improvement', 'ต้องปรับปรุงโดยด่วน': 'urgent_improvement'}
PHAYAO = 'University of Phayao ITA dashboard code, getRateNew (public GitHub file); ita-framework.md §1.10'
RATING_SRC = {
    'excellent': PHAYAO + '; https://www.nationthailand.com/thailand/general/40030119 (2566 report: ≥95 = excellent)',
    'good': 'mgronline.com/uptodate/detail/9680000079675 and thaitv5hd.com/web/content.php?id=54336 (สตง. 92.43 in 2567, 94.64 in 2568, fell from ผ่านดี to ผ่าน because its EIT was < 85)',
    'pass': 'thamaikan.go.th (2566: ผ่าน = total ≥ 85 but a tool < 85); tdm.go.th (2566: "96.04 (ผ่าน) ระดับ AA")',
    'needs_improvement': PHAYAO,
    'urgent_improvement': PHAYAO,
}
RATING_RULES = {'excellent': (95, 95), 'good': (85, 85), 'pass': (85, None), 'needs_improvement': (70, None), 'urgent_improvement': (0, None)}
def ratings(fy):
    out = []
    for r in Y[str(fy)]['levels']:
        if r.get('system') != 'qualitative_rating': continue
        rid = RATING_IDS[r['rating']]
        c = r['confidence']
        conf = conf_of(c)
        source = RATING_SRC[rid]
        mn, each = RATING_RULES[rid]
        note = 'Rule as stated: ' + r['rule'] + '.'
        if rid in ('needs_improvement', 'urgent_improvement', 'excellent'):
            note += ' Thresholds from the University of Phayao ITA dashboard code (getRateNew).'
        if fy == 2566 and rid in ('good', 'pass'):
            note += ' In 2566 thamaikan.go.th counts EIT ส่วนที่ 1 and EIT ส่วนที่ 2 as separate tools in this check; meaning not verified.'
        rule = {'rating': rid, 'labelTh': r['rating'], 'minTotal': mn, 'minEachTool': each}
        if fy == 2566 and rid == 'excellent':
            rule['minEachToolAppliesTo'] = 'tool_parts'
            note += (' Checked per tool part like ผ่านดี: inferred (a rating above ผ่านดี cannot hold where the ผ่านดี check fails);'
                     ' not found in a source, unverified.')
        if fy == 2566 and rid == 'good':
            # Published 2566 results rate totals above 95.50 ผ่าน; with three tools at 30/30/40 a tool
            # below 85 caps the total at 95.50, so only a part below 85 can explain them.
            rule['minEachToolAppliesTo'] = 'tool_parts'
            note += (' Checked per tool part (IIT, EIT ส่วนที่ 1, EIT ส่วนที่ 2, OIT): published 2566 totals above 95.50 rated ผ่าน'
                     ' (tdm.go.th: 96.04 ผ่าน) cannot come from whole tools at 30/30/40.')
        out.append({**rule, **P(conf, source, note)})
    return out

ROUNDING_SRC = ('NACC ITA 2564 report table, https://online.anyflip.com/qxtmp/cuda/files/basic-html/page138.html '
                '(each tool\'s weighted score printed with two decimals, e.g. OIT 38.70; the total is their sum); '
                'NACC published results checked in issue 13 (totals reconcile only when each weighted tool score is rounded first)')
def rounding(fy):
    conf = 'medium' if fy in (2566, 2567, 2568) else 'uncertain'
    note = 'No NACC text states the rounding rule (ita-rules.md §3); half up at the third decimal is assumed, unverified.'
    if fy >= 2569: note += ' Carried over from 2568; nothing was found for this year.'
    return {'order': 'weighted_tools_then_sum', 'decimals': 2, 'mode': 'half_up', **P(conf, ROUNDING_SRC, note)}

def notes(fy):
    y = Y[str(fy)]
    n = ['Compiled from public web pages and repositories (/work/shared/ita-framework.md, ita-framework.json), not from the NACC manual for this year; check against itas.nacc.go.th → คู่มือ before relying on it.',
         'English names of indicators and sub-indicators are working translations; NACC\'s own English names were not found.']
    if fy == 2566:
        n.append('OIT grouping: ' + y['subindicator_grouping_confidence'] + '.')
        n.append('EIT reported in two parts in 2566 (EIT ส่วนที่ 1 / ส่วนที่ 2, thamaikan.go.th); meaning not verified.')
    if fy == 2567:
        n.append('OIT items: ' + y['oit_items_note'] + '.')
    if fy == 2568:
        n.append('OIT item count: ' + y['oit_item_count'] + '.')
        n.append('Where the integrity measures (2566 O42/O43) sit in 2568 was not found.')
        cl = y['conflicting_list']
        n.append('A conflicting 26-item list exists (' + cl['source'] + '): ' + cl['assessment'] + '.')
        n.append(y['levels_notes']['note'] + '.')
    return n

for fy in (2566, 2567, 2568):
    fw = {
        'fiscalYear': fy, 'version': 2, 'status': 'draft', 'notes': notes(fy),
        'tools': tools(fy), 'indicators': indicators(fy), 'oitItems': oit_items(fy),
        'answerScales': answer_scales(), 'questionItems': questions(fy),
        'passThreshold': {'score': 85, **P('high', 'https://www.nationthailand.com/thailand/general/40030119; ' + LEVEL_SRC,
                                          'National target: at least 80 % of agencies score ≥ 85.')},
        'rounding': rounding(fy), 'levels': levels(fy), 'ratings': ratings(fy),
    }
    (OUT / f'{fy}.json').write_text(json.dumps(fw, ensure_ascii=False, indent=2) + '\n')
    print(fy, len(fw['oitItems']), len(fw['questionItems']))

# ── 2569: what is known (draft). Only OIT headings were found (RTRDA, low); everything else is
# carried from 2568 and marked uncertain. No rating rule was found, so none is stated.
CARRIED = 'Carried over from 2568: no NACC manual, tool list, weights or rules for 2569 were found (ita-rules.md §6).'
def carried(d):
    if isinstance(d, list): return [carried(x) for x in d]
    if not isinstance(d, dict): return d
    out = {k: carried(v) for k, v in d.items()}
    if 'confidence' in out:
        if out['confidence'] not in ('unknown',): out['confidence'] = 'uncertain'
        out['note'] = (out['note'] + ' ' if out.get('note') else '') + CARRIED
    return out
def oit_items_2569():
    prev = Y['2569_preview']
    known = {it['code']: it for it in prev['oit_items']}
    last = max(int(c[1:]) for c in known)
    out = []
    for n in range(1, last + 1):
        code = f'O{n}'
        it = known.get(code)
        if it:
            ev = {'notes': [it['evidence_notes']] if it.get('evidence_notes') else []}
            out.append({'code': code, 'titleTh': it['title_th'], 'indicator': None, 'subIndicator': None, 'evidence': ev,
                        **P(conf_of(it['confidence']), it['sources'], 'Heading from one agency\'s site rebuild; its test file calls them "MOPH MOIT 2569 strings", so provenance is unclear. Sub-indicator grouping not found.')})
        else:
            out.append({'code': code, 'titleTh': None, 'indicator': None, 'subIndicator': None, 'evidence': {'notes': []},
                        **P('unknown', 'not found in available material (ita-framework.md §1.7.5 lists O1, O3, O10–O26 only)', 'Title not found.')})
    return out
base = json.loads((OUT / '2568.json').read_text())
fw = {
    'fiscalYear': 2569, 'version': 1, 'status': 'draft',
    'notes': [
        'What is known of ITA 2569, not a NACC manual: only OIT headings were found (RTRDA site rebuild, low confidence; ita-framework.md §1.7.5). Check against itas.nacc.go.th → คู่มือ and upload a corrected version.',
        'NACC is overhauling ITA (six subcommittees, reform due April 2026; pattayamail.com, ita-rules.md §6); tools, weights and levels below are carried from 2568 and marked uncertain.',
        'No rating rule (ผ่าน / ผ่านดี / ผ่านดีเยี่ยม) for 2569 was found, so none is stated.',
        'IIT/EIT question items for 2569 were not found, so none are listed.',
    ],
    'tools': carried(base['tools']), 'indicators': carried(base['indicators']), 'oitItems': oit_items_2569(),
    'questionItems': [],
    'passThreshold': carried(base['passThreshold']),
    'rounding': rounding(2569), 'levels': carried(base['levels']),
}
(OUT / '2569.json').write_text(json.dumps(fw, ensure_ascii=False, indent=2) + '\n')
print(2569, len(fw['oitItems']))
