// Progressive enhancement only: every page works without this file (strict CSP: no inline script).
// A "copy link" is a plain link to the page itself; with JavaScript and a clipboard it copies the
// address instead of following it, and says so in its status region.
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-copy-link]') : null
  if (!link || !navigator.clipboard) return
  event.preventDefault()
  const status = document.getElementById(link.getAttribute('aria-describedby') || '')
  navigator.clipboard.writeText(link.href).then(
    () => { if (status) status.textContent = link.dataset.copied || '' },
    () => { window.location.href = link.href },
  )
})

// Date fields (DateField): a text field in พ.ศ. that works without this file. With it, the line
// under the field reads the typed date back as it is typed, and a button opens a month calendar in
// พ.ศ. (never the browser's Gregorian picker): arrow keys move a day or a week, Page Up/Down a month
// (with Shift a year), Home/End the week's ends, Enter picks, Escape closes.
{
  const TH = '๐๑๒๓๔๕๖๗๘๙'
  const fromThai = (s) => s.replace(/[๐-๙]/g, (d) => String(TH.indexOf(d)))
  const pad = (n) => String(n).padStart(2, '0')
  const read = (value) => {
    const s = fromThai(value).trim()
    let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s)
    const [y, mo, d] = m ? [+m[3], +m[2], +m[1]] : (m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s)) ? [+m[1], +m[2], +m[3]] : []
    if (!y || y < 2400 || y > 2700) return null
    const date = new Date(Date.UTC(y - 543, mo - 1, d))
    return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null
  }
  const today = () => { const n = new Date(); return new Date(Date.UTC(n.getFullYear(), n.getMonth(), n.getDate())) }
  const addDays = (d, n) => new Date(d.getTime() + n * 864e5)
  const addMonths = (d, n) => {
    const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1))
    t.setUTCDate(Math.min(d.getUTCDate(), new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate()))
    return t
  }
  const el = (tag, props, ...children) => { const e = Object.assign(document.createElement(tag), props); e.append(...children); return e }

  for (const input of document.querySelectorAll('input[data-date-picker]')) {
    const ds = input.dataset
    const months = ds.months.split(',')
    const digits = (s) => (ds.thaiDigits ? String(s).replace(/[0-9]/g, (d) => TH[+d]) : String(s))
    const long = (d) => digits(`${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear() + 543}`)
    const reads = document.getElementById(`${input.id}-reads`)
    input.addEventListener('input', () => {
      const d = read(input.value)
      if (reads) reads.textContent = d ? ds.labelReads.replace('{date}', long(d)) : ''
    })

    const toggle = el('button', { type: 'button', className: 'secondary date-toggle', textContent: ds.labelPick })
    const cal = el('div', { className: 'date-cal', id: `${input.id}-cal`, hidden: true })
    toggle.setAttribute('aria-expanded', 'false')
    toggle.setAttribute('aria-controls', cal.id)
    cal.setAttribute('role', 'group')
    cal.setAttribute('aria-label', `${ds.labelPick}: ${input.labels[0]?.textContent ?? ''}`)
    input.after(toggle, cal)
    let focus = today()

    const close = (back) => {
      cal.hidden = true
      toggle.setAttribute('aria-expanded', 'false')
      if (back) back.focus()
    }
    const pick = (d) => {
      input.value = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear() + 543}`
      input.dispatchEvent(new Event('input', { bubbles: true }))
      close(input)
    }
    const draw = () => {
      const title = el('p', { className: 'date-cal-title', id: `${cal.id}-title`, textContent: digits(`${months[focus.getUTCMonth()]} ${focus.getUTCFullYear() + 543}`) })
      title.setAttribute('aria-live', 'polite')
      const nav = (label, n) => el('button', { type: 'button', className: 'link', textContent: label, onclick: () => { focus = addMonths(focus, n); draw(); cal.querySelector('[tabindex="0"]').focus() } })
      const table = el('table', {}, el('thead', {}, el('tr', {}, ...ds.weekdays.split(',').map((w) => el('th', { scope: 'col', textContent: w })))))
      table.setAttribute('role', 'grid')
      table.setAttribute('aria-labelledby', title.id)
      const body = el('tbody')
      const first = new Date(Date.UTC(focus.getUTCFullYear(), focus.getUTCMonth(), 1))
      const chosen = read(input.value)
      let row = el('tr')
      for (let i = 0; i < first.getUTCDay(); i++) row.append(el('td'))
      for (let d = first; d.getUTCMonth() === first.getUTCMonth(); d = addDays(d, 1)) {
        const day = d
        const b = el('button', { type: 'button', textContent: digits(day.getUTCDate()), tabIndex: day.getTime() === focus.getTime() ? 0 : -1, onclick: () => pick(day) })
        b.setAttribute('aria-label', long(day))
        if (chosen && chosen.getTime() === day.getTime()) b.setAttribute('aria-pressed', 'true')
        if (day.getTime() === today().getTime()) b.setAttribute('aria-current', 'date')
        row.append(el('td', {}, b))
        if (day.getUTCDay() === 6) { body.append(row); row = el('tr') }
      }
      if (row.children.length) body.append(row)
      table.append(body)
      cal.replaceChildren(el('div', { className: 'date-cal-head' }, nav(`‹ ${ds.labelPrev}`, -1), title, nav(`${ds.labelNext} ›`, 1)), table, el('button', { type: 'button', className: 'link', textContent: ds.labelClose, onclick: () => close(toggle) }))
    }
    cal.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { e.preventDefault(); close(toggle); return }
      if (!(e.target instanceof HTMLButtonElement) || !e.target.closest('tbody')) return
      const dow = focus.getUTCDay()
      const moves = { ArrowLeft: () => addDays(focus, -1), ArrowRight: () => addDays(focus, 1), ArrowUp: () => addDays(focus, -7), ArrowDown: () => addDays(focus, 7),
        PageUp: () => addMonths(focus, e.shiftKey ? -12 : -1), PageDown: () => addMonths(focus, e.shiftKey ? 12 : 1), Home: () => addDays(focus, -dow), End: () => addDays(focus, 6 - dow) }
      if (!moves[e.key]) return
      e.preventDefault()
      focus = moves[e.key]()
      draw()
      cal.querySelector('tbody [tabindex="0"]').focus()
    })
    toggle.addEventListener('click', () => {
      if (!cal.hidden) return close(toggle)
      focus = read(input.value) || today()
      draw()
      cal.hidden = false
      toggle.setAttribute('aria-expanded', 'true')
      cal.querySelector('tbody [tabindex="0"]').focus()
    })
  }
}
