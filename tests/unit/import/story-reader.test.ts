/**
 * The archive importer reads on a thread of its own (src/import/story-reader.ts). What it hands back must be what
 * reading on the main thread gives — the fixed story, the findings left for a person, the import key — in the order
 * the files were sent, with a file that cannot be read named by its own error; and a reading thread that dies or
 * fails must cost no story: what it was reading, and everything after, is read on the main thread.
 */
import type { Payload } from 'payload'

import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, expect, test } from 'vitest'

import { writeVariantFiles } from '../../bench/import'
import { readSource, readStoryFiles, type ReadingRules } from '../../../src/import/read-source'
import { startReadingThread, StoryReader } from '../../../src/import/story-reader'

const rules: ReadingRules = { houseScript: 'zh-Hans', datelinePreset: 'outlet-xun' }

function archive(count: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'story-reader-'))
  writeVariantFiles(dir, count)
  return readdirSync(dir)
    .sort()
    .map((f) => path.join(dir, f))
}

const warnings: unknown[] = []
const logger = { warn: (message: unknown) => warnings.push(message) } as unknown as Payload['logger']
let reader: StoryReader | undefined

afterEach(async () => {
  await reader?.close()
  warnings.length = 0
})

test('the reading thread gives what reading here gives, in order, and names a file it cannot read', async () => {
  const files = archive(6)
  const folder = path.join(path.dirname(files[0]!), 'a-folder.md')
  mkdirSync(folder)
  const asked = [files[0]!, path.join(path.dirname(files[0]!), 'gone.md'), ...files.slice(1, 3), folder, ...files.slice(3)]
  // Started ahead, as `newsroom import` starts it while Payload boots.
  const thread = startReadingThread()
  expect(await thread.loaded).toBe(true)
  reader = new StoryReader(rules, logger, thread)
  expect(await reader.started).toBe(true)
  const [there, here] = [await reader.read(asked), await readStoryFiles(asked, rules)]
  expect(warnings).toEqual([])
  expect(there).toHaveLength(asked.length)
  expect(there.map((r) => r.read?.story.title)).toEqual(here.map((r) => r.read?.story.title))
  expect(there).toEqual(here)
  expect(there[1]!.error?.message).toMatch(/ENOENT.*gone\.md/)
  expect(there[4]!.error?.message).toMatch(/EISDIR/)
  // The story as the parser and fixer leave it: simplified script, the reporter credited, findings listed.
  const first = there[0]!.read!
  expect(first).toEqual(readSource(readFileSync(files[0]!, 'utf8'), rules))
  expect(first.story.title).toMatch(/^兴仁县“三抓三强”加快后进党组织转化/)
  expect(first.story.credits.map((c) => c.role)).toContain('reporter')
})

test('a reading thread that dies costs no story: the rest is read on the main thread', async () => {
  const files = archive(40)
  reader = new StoryReader(rules, logger)
  expect(await reader.started).toBe(true)
  const first = await reader.read(files.slice(0, 20))
  const pending = reader.read(files.slice(20))
  // The thread stops while it holds the second request (as a crash of the thread would stop it).
  await (reader as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate()
  const second = await pending
  expect([...first, ...second].map((r) => r.read?.importKey)).toEqual((await readStoryFiles(files, rules)).map((r) => r.read?.importKey))
  expect(warnings).toHaveLength(1)
  expect(JSON.stringify(warnings[0])).toMatch(/reading thread failed/)
  // And the reads after it are done here.
  expect((await reader.read(files.slice(0, 2))).map((r) => r.read?.story.title)).toEqual(first.slice(0, 2).map((r) => r.read?.story.title))
})

test('a reading thread that fails on a request costs no story and leaves no batch waiting', async () => {
  const files = archive(10)
  reader = new StoryReader(rules, logger)
  expect(await reader.started).toBe(true)
  // A request the thread cannot read (no file list): an error inside the thread, while batches are queued behind it.
  ;(reader as unknown as { worker: { postMessage(message: unknown): void } }).worker.postMessage({ id: -1, files: null, rules })
  const reads = await reader.read(files)
  expect(reads.map((r) => r.read?.importKey)).toEqual((await readStoryFiles(files, rules)).map((r) => r.read?.importKey))
  expect(warnings).toHaveLength(1)
  expect(JSON.stringify(warnings[0])).toMatch(/reading thread failed/)
})
