/** Desk users for tests: real users with real roles, logged in through Payload's own auth. */
import type { Payload } from 'payload'

export type Role = 'reporter' | 'editor' | 'admin'
export const TEST_PASSWORD = 'correct horse battery staple'

export async function createDeskUser(payload: Payload, role: Role, name = `${role}-${Math.random().toString(36).slice(2, 8)}`) {
  const author = await payload.create({ collection: 'authors', data: { name, roles: role === 'reporter' ? ['reporter'] : ['editor'] } })
  const user = await payload.create({
    collection: 'users',
    data: { email: `${name}@newsroom.test`, password: TEST_PASSWORD, roles: [role], name, author: author.id },
  })
  await payload.update({ collection: 'authors', id: author.id, data: { user: user.id } })
  return { user, author }
}

/** A JWT for REST/GraphQL calls, from the real login operation. */
export async function tokenFor(payload: Payload, email: string): Promise<string> {
  const result = await payload.login({ collection: 'users', data: { email, password: TEST_PASSWORD } })
  if (!result.token) throw new Error(`login failed for ${email}`)
  return result.token
}
