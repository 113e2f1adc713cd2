/** tests/artifacts/ (git-ignored): what a test leaves for a person to look at — screenshots, servers' logs. */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export const artifactsDir = path.resolve(import.meta.dirname, '..', 'artifacts')

/** Writes tests/artifacts/<name>, making the folder if this is the run's first artifact. */
export function writeArtifact(name: string, contents: string): string {
  mkdirSync(artifactsDir, { recursive: true })
  const file = path.join(artifactsDir, name)
  writeFileSync(file, contents)
  return file
}
