/**
 * May this person take this action on this story now? Role first (403), then stage (409): a reporter asking
 * to approve is told they may not, whatever the stage. The admin shows exactly the actions this allows.
 */
import type { PayloadRequest } from 'payload'

import { TRANSITIONS, WORKFLOW_ACTIONS, actionLabels, type WorkflowAction } from './actions'
import type { Actor } from './desk-roles'
import { conflict, forbidden, type WorkflowError } from './errors'
import type { ResolvedWorkflowOptions } from './options'
import { isOwnStory } from './ownership'
import { stageLabels } from './stages'
import type { StoryState } from './story-state'

export async function mayReadWorkflow(req: PayloadRequest, options: ResolvedWorkflowOptions, actor: Actor, story: StoryState) {
  return actor.isEditor || (actor.isReporter && (await isOwnStory(req, options, actor, story)))
}

export async function refusalFor(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  actor: Actor,
  story: StoryState,
  action: WorkflowAction,
): Promise<WorkflowError | null> {
  const rule = TRANSITIONS[action]
  const label = actionLabels[action]
  if (!actor.isEditor) {
    if (rule.who === 'editor') return forbidden(`Only editors may ${label.en.toLowerCase()} a story. / 仅编辑可“${label.zh}”。`, action)
    if (!actor.isReporter || !(await isOwnStory(req, options, actor, story))) {
      return forbidden(`You may only ${label.en.toLowerCase()} your own stories. / 只能对自己的稿件执行“${label.zh}”。`, action)
    }
  }
  if (!rule.from.includes(story.stage)) {
    const stage = stageLabels[story.stage]
    return conflict(
      `"${label.en}" does not apply to a story that is ${stage.en.toLowerCase()}. / 稿件当前为“${stage.zh}”，不能“${label.zh}”。`,
      story.stage,
      action,
    )
  }
  return null
}

export async function allowedActions(req: PayloadRequest, options: ResolvedWorkflowOptions, actor: Actor, story: StoryState) {
  const allowed: WorkflowAction[] = []
  for (const action of WORKFLOW_ACTIONS) if (!(await refusalFor(req, options, actor, story, action))) allowed.push(action)
  return allowed
}
