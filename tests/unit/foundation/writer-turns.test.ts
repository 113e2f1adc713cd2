/**
 * The turns an SQLite file's writers take in one process (src/sqlite-writer.ts): one at a time, in the order they
 * asked, and a writer stuck behind one that waits for it fails with a message instead of hanging for good.
 */
import { describe, expect, it } from 'vitest'

import { WriterTurns } from '../../../src/sqlite-writer'

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('WriterTurns', () => {
  it('lets one writer in at a time, in the order they asked', async () => {
    const turns = new WriterTurns()
    const order: string[] = []
    let inside = 0
    let most = 0
    const writer = (name: string) =>
      turns.around(async () => {
        inside++
        most = Math.max(most, inside)
        order.push(`${name} in`)
        await tick()
        order.push(`${name} out`)
        inside--
      })
    await Promise.all(['a', 'b', 'c'].map(writer))
    expect(most).toBe(1)
    expect(order).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out'])
  })

  it('gives the turn on when a writer fails', async () => {
    const turns = new WriterTurns()
    await expect(turns.around(() => Promise.reject(new Error('SQLITE_CONSTRAINT')))).rejects.toThrow('SQLITE_CONSTRAINT')
    await expect(turns.around(async () => 'next')).resolves.toBe('next')
  })

  it('a writer waiting for one that waits for it fails after its patience, naming why; the turns go on', async () => {
    const turns = new WriterTurns(50)
    await turns.take()
    // The holder waits for a write of its own outside its transaction: that write can never get the turn.
    await expect(turns.around(async () => 'never')).rejects.toThrow(/waited 0.05 s for another save in this process/)
    turns.give()
    await expect(turns.around(async () => 'after')).resolves.toBe('after')
  })
})
