/** Content-Disposition for a decrypted attachment: always a download, names encoded, never cached. */
export function downloadHeaders(f: { name: string; contentType: string; bytes: Buffer }): Record<string, string> {
  const ascii = f.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return {
    'Content-Type': f.contentType,
    'Content-Length': String(f.bytes.length),
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  }
}
