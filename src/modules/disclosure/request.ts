import type { OrgAreaContext } from '../../platform/http/context.js'
import { orgOf } from '../../platform/http/context.js'
import { oitMap, selfProbe, type OitMap, type Probe } from './disclosure.service.js'

type NodeEnv = { incoming?: { socket?: { localPort?: number } } }

/** Probes other modules' pages on this very server (loopback, its own port); never a user-given host. */
export function requestProbe(c: OrgAreaContext): Probe {
  const port = (c.env as NodeEnv | undefined)?.incoming?.socket?.localPort
  if (!port) return async () => false
  return selfProbe(`http://127.0.0.1:${port}`, orgOf(c).slug)
}

/** The agency's OIT map of a year for this request, or null when the year has no valid framework. */
export function mapFor(c: OrgAreaContext, year: number, opts: { internal?: boolean } = {}): Promise<OitMap | null> {
  const x = c as import('../../platform/http/context.js').OrgContext
  return oitMap(x.get('deps'), orgOf(c), year, x.get('lang'), requestProbe(c), opts)
}
