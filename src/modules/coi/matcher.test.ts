import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { matchParties, normalizeJuristicId, normalizeThaiName, parsePartyLines, type DeclaredInterest } from './matcher.js'

// The pure matcher procurement will use: by juristic ID, by Thai names however they are written,
// and never a different company of a similar name.

const interest = (o: Partial<DeclaredInterest>): DeclaredInterest => ({ personId: 'p1', declarationId: 'd1', kind: 'family', relation: 'sibling', holderName: 'นายวิชิต สร้างงาม', partyName: 'ห้างหุ้นส่วนจำกัด ส.สร้างงามการโยธา', juristicId: '0313556001234', detail: '', ...o })
const THAI_DIGIT = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)))

describe('normalizeJuristicId', () => {
  it.each([
    ['0313556001234', '0313556001234'],
    ['0-3135-56001-23-4', '0313556001234'],
    ['0 3135 56001 23 4', '0313556001234'],
    ['๐๓๑๓๕๕๖๐๐๑๒๓๔', '0313556001234'],
    ['031355600123', null],
    ['03135560012345', null],
    ['0313556001a34', null],
    ['', null],
  ])('%s → %s', (raw, expected) => expect(normalizeJuristicId(raw)).toBe(expected))
})

describe('normalizeThaiName', () => {
  it.each([
    ['บริษัท รุ่งเรืองก่อสร้างบุรีรัมย์ จำกัด', 'รุ่งเรืองก่อสร้างบุรีรัมย์'],
    ['บจก. รุ่งเรืองก่อสร้างบุรีรัมย์', 'รุ่งเรืองก่อสร้างบุรีรัมย์'],
    ['บจก.รุ่งเรืองก่อสร้าง บุรีรัมย์', 'รุ่งเรืองก่อสร้างบุรีรัมย์'],
    ['บริษัท รุ่งเรืองก่อสร้างบุรีรัมย์ จำกัด (มหาชน)', 'รุ่งเรืองก่อสร้างบุรีรัมย์'],
    ['ห้างหุ้นส่วนจำกัด ส.สร้างงามการโยธา', 'สสร้างงามการโยธา'],
    ['หจก. ส. สร้างงาม การโยธา', 'สสร้างงามการโยธา'],
    ['หจก.ส.สร้างงามการโยธา', 'สสร้างงามการโยธา'],
    ['นายวิชิต  สร้างงาม', 'วิชิตสร้างงาม'],
    ['นางสาวสุนีย์ รักษ์ธรรม', 'สุนีย์รักษ์ธรรม'],
    ['น.ส. สุนีย์ รักษ์ธรรม', 'สุนีย์รักษ์ธรรม'],
    ['นางทองใบ มีสุข', 'ทองใบมีสุข'],
    ['ร้านบุญส่งการเกษตร', 'ร้านบุญส่งการเกษตร'],
    ['บริษัท ๙๙ ก่อสร้าง จำกัด', '99ก่อสร้าง'],
    ['บริษัท กก๊ ุกกก จำกัด', 'กกุ๊กกก'.normalize('NFC')],
  ])('%s → %s', (raw, expected) => expect(normalizeThaiName(raw)).toBe(expected))
})

describe('matchParties', () => {
  const brother = interest({})
  it('matches by juristic ID however it is typed, whatever the name', () => {
    const m = matchParties([brother], [{ name: 'ชื่อที่พิมพ์ผิดทั้งหมด', juristicId: '0-3135-56001-23-4' }])
    expect(m).toHaveLength(1)
    expect(m[0]).toMatchObject({ by: 'juristic_id', on: 'party' })
  })
  it.each(['หจก. ส. สร้างงาม การโยธา', 'หจก.ส.สร้างงามการโยธา', 'ห้างหุ้นส่วนจำกัด ส.สร้างงามการโยธา', 'ห้างหุ้นส่วนจำกัด  ส.สร้างงาม การโยธา'])('matches the Thai name variant "%s" when no ID is given', (name) => {
    expect(matchParties([brother], [{ name }]).map((m) => m.by)).toEqual(['name'])
  })
  it.each(['ห้างหุ้นส่วนจำกัด ส.สร้างงามการโยธา 2', 'ห้างหุ้นส่วนจำกัด ส.สร้างงามวิศวกรรม', 'ห้างหุ้นส่วนจำกัด ป.สร้างงามการโยธา', 'บริษัท สร้างงาม จำกัด'])('does not match a different company of a similar name: "%s"', (name) => {
    expect(matchParties([brother], [{ name }])).toEqual([])
  })
  it('two different juristic IDs are two companies even with the same name', () => {
    expect(matchParties([brother], [{ name: 'ห้างหุ้นส่วนจำกัด ส.สร้างงามการโยธา', juristicId: '0313556009999' }])).toEqual([])
  })
  it('matches a relative who bids in person, title or not; never the declarant’s own name for a self interest', () => {
    const m = matchParties([brother], [{ name: 'วิชิต สร้างงาม' }])
    expect(m).toMatchObject([{ by: 'name', on: 'holder' }])
    const own = interest({ relation: 'self', holderName: 'นายวิชิต สร้างงาม', partyName: 'ร้านวิชิตการช่าง', juristicId: null })
    expect(matchParties([own], [{ name: 'นายวิชิต สร้างงาม' }])).toEqual([])
  })
  it('ignores names too short to mean anything', () => {
    expect(matchParties([interest({ partyName: 'บริษัท ก จำกัด', juristicId: null, holderName: '' })], [{ name: 'ก' }])).toEqual([])
  })

  // Properties over generated Thai company names.
  const thaiWord = fc.array(fc.constantFrom(...'กขคงจฉชซญดตถทนบปผพฟมยรลวศสหอฮะาิีึืุูเแโใไ่้๊๋'.split('')), { minLength: 3, maxLength: 12 }).map((cs) => cs.join(''))
  const core = fc.array(thaiWord, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' ')).filter((s) => normalizeThaiName(s).length >= 2 && !/^(นาย|นาง|บ\.)/.test(s))
  const wrap = fc.constantFrom((n: string) => `บริษัท ${n} จำกัด`, (n: string) => `บจก. ${n}`, (n: string) => `บจก.${n}`, (n: string) => `บริษัท ${n} จำกัด (มหาชน)`, (n: string) => `หจก. ${n}`, (n: string) => `ห้างหุ้นส่วนจำกัด ${n}`, (n: string) => `  ${n.replace(/ /g, '   ')} `)
  const id = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 13 }).map((ds) => ds.join(''))

  it('property: any legal-form and spacing variant of a declared company matches it by name', () => {
    fc.assert(
      fc.property(core, wrap, wrap, (n, w1, w2) => {
        const m = matchParties([interest({ partyName: w1(n), juristicId: null, holderName: '' })], [{ name: w2(n) }])
        return m.length === 1 && m[0]!.by === 'name'
      }),
    )
  })
  it('property: a juristic ID matches whatever its format (dashes, spaces, Thai digits) and whatever the names', () => {
    fc.assert(
      fc.property(id, core, core, fc.constantFrom((s: string) => s, (s: string) => `${s[0]}-${s.slice(1, 5)}-${s.slice(5, 10)}-${s.slice(10, 12)}-${s[12]}`, THAI_DIGIT, (s: string) => s.split('').join(' ')), (jid, a, b, fmt) => {
        const m = matchParties([interest({ partyName: a, juristicId: jid })], [{ name: b, juristicId: fmt(jid) }])
        return m.length === 1 && m[0]!.by === 'juristic_id'
      }),
    )
  })
  it('property: a different company name (one more word) never matches by name', () => {
    fc.assert(
      fc.property(core, thaiWord, wrap, (n, extra, w) => {
        fc.pre(normalizeThaiName(`${n} ${extra}`) !== normalizeThaiName(n))
        return matchParties([interest({ partyName: `บริษัท ${n} จำกัด`, juristicId: null, holderName: '' })], [{ name: w(`${n} ${extra}`) }]).length === 0
      }),
    )
  })
  it('property: normalising is idempotent on what it returns, and matching is pure', () => {
    fc.assert(fc.property(core, wrap, (n, w) => normalizeThaiName(normalizeThaiName(w(n))) === normalizeThaiName(w(n))))
    const parties = [{ name: 'หจก.ส.สร้างงามการโยธา' }, { name: 'บริษัท อื่น จำกัด', juristicId: '0313556001234' }]
    expect(matchParties([brother], parties)).toEqual(matchParties([brother], parties))
    expect(matchParties([brother], parties)).toHaveLength(2)
  })
})

describe('parsePartyLines', () => {
  it('reads one party a line with an optional 13-digit ID at the end', () => {
    expect(parsePartyLines('บริษัท รุ่งเรืองก่อสร้างบุรีรัมย์ จำกัด 0315558000789\n\n  หจก. ส. สร้างงาม การโยธา | 0-3135-56001-23-4\nร้านศรีพนมเครื่องเขียน\nบริษัท 99 ก่อสร้าง จำกัด')).toEqual([
      { name: 'บริษัท รุ่งเรืองก่อสร้างบุรีรัมย์ จำกัด', juristicId: '0315558000789' },
      { name: 'หจก. ส. สร้างงาม การโยธา', juristicId: '0313556001234' },
      { name: 'ร้านศรีพนมเครื่องเขียน', juristicId: null },
      { name: 'บริษัท 99 ก่อสร้าง จำกัด', juristicId: null },
    ])
  })
})
