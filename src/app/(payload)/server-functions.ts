// Server functions the admin calls that this app answers itself, over Payload's own (handleServerFunctions
// prefers these): scheduling a story's publish is the editorial workflow's `schedule` action, never a bare job.
import type { ServerFunction } from 'payload'

import { schedulePublishHandler, type SchedulePublishHandlerArgs } from '@payloadcms/ui/utilities/schedulePublishHandler'

import { workflowSchedulePublish } from '../../../plugins/editorial-workflow'

export const serverFunctions: Record<string, ServerFunction> = {
  'schedule-publish': workflowSchedulePublish<SchedulePublishHandlerArgs>(schedulePublishHandler),
}
