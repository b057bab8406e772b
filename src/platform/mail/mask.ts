/**
 * A mail body as the outbox shows it to anyone but its addressee: every long token in a URL (reset,
 * invite, single-use links) is replaced, so the link is recognisable but cannot be used.
 */
export function maskLinkSecrets(text: string): string {
  return text.replace(/(https?:\/\/[^\s]*?)([A-Za-z0-9_-]{20,})(?=[\s?#)]|$)/g, (_m, head: string) => `${head}[รหัสในลิงก์ถูกซ่อน]`)
}
