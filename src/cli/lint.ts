/** `newsroom lint FILE [--json]`: house-style findings; exit code 1 when any is an error. */
import { type Finding, hasErrors, readLegacyStory } from '../../plugins/house-style'
import { readStoryFile } from './read-file'

const where = (f: Finding) =>
  [f.location.field, f.location.block != null ? `¶${f.location.block + 1}` : '', f.location.start != null ? `@${f.location.start}` : '']
    .filter(Boolean)
    .join(' ')

export function lintCommand(files: string[], options: { json: boolean }): number {
  const { findings } = readLegacyStory(readStoryFile(files[0]))
  if (options.json) {
    console.log(JSON.stringify(findings, null, 2))
  } else if (!findings.length) {
    console.log('No findings: the story is in house style.')
  } else {
    for (const f of findings) {
      const fix = f.fix ? (f.fix.safe ? ' [fixable]' : ' [fix needs a person]') : ''
      console.log(`${f.severity.padEnd(7)} ${f.ruleId.padEnd(28)} ${where(f).padEnd(14)} ${f.message.en} / ${f.message.zh}${fix}`)
    }
    const errors = findings.filter((f) => f.severity === 'error').length
    console.log(`\n${findings.length} finding(s), ${errors} error(s). Run \`newsroom parse FILE --fix\` to see the safe fixes applied.`)
  }
  return hasErrors(findings) ? 1 : 0
}
