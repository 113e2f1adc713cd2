/**
 * A production server requires NEWSROOM_PUBLIC_URL, and its links must name the port it really listens on: the
 * test process picks a free port with a probe server and passes both PORT and the origin to the child.
 */
import { createServer } from 'node:net'

export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, '127.0.0.1', resolve))
  const address = probe.address()
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  if (typeof address !== 'object' || !address) throw new Error('no free port')
  return address.port
}

/** PORT and NEWSROOM_PUBLIC_URL for a production child on a free port. */
export async function publicOriginEnv(): Promise<{ PORT: string; NEWSROOM_PUBLIC_URL: string }> {
  const port = await freePort()
  return { PORT: String(port), NEWSROOM_PUBLIC_URL: `http://localhost:${port}` }
}
