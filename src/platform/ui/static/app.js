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
