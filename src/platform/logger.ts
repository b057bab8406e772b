import pino, { type Logger } from 'pino'

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    // Never log credentials, session tokens or complaint contents.
    redact: { paths: ['password', '*.password', 'token', '*.token', 'req.headers.cookie', 'cookie', 'body'], remove: true },
  })
}
