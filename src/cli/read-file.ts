/** Files named on the command line are relative to where the user ran `npx newsroom`, not to the project. */
import { readFileSync } from 'node:fs'
import path from 'node:path'

export const resolveFromUser = (file: string): string => path.resolve(process.env.NEWSROOM_CLI_CWD || process.cwd(), file)

export function readStoryFile(file: string | undefined): string {
  if (!file) throw new Error('name a story file, e.g. `newsroom parse story.md`')
  try {
    return readFileSync(resolveFromUser(file), 'utf8')
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error })
  }
}
