/**
 * A story's fields, saved or not, through the one renderer: relations resolved once (dateline place, credited
 * names, body pictures), then renderStory(). The save hook, the live lint and the app's live preview all render
 * this way, so what an editor previews is what the save will store.
 */
import type { PayloadRequest } from 'payload'

import type { ResolvedHouseStyleOptions } from '../options'
import { resolveStoryView, type StoryFields, type StoryView } from '../hooks/story-view'
import { renderStory, type RenderedStory } from './render-story'

export async function renderStoryFields(
  fields: StoryFields,
  options: ResolvedHouseStyleOptions,
  req: PayloadRequest,
): Promise<{ rendered: RenderedStory; view: StoryView }> {
  const view = await resolveStoryView(fields, options, req)
  const rendered = renderStory(
    {
      body: fields.body,
      dateline: view.dateline,
      credits: view.credits,
      corrections: (fields.corrections ?? []).flatMap((c) => (c?.note && c.date ? [{ note: c.note, date: c.date }] : [])),
    },
    { datelinePreset: options.datelinePreset, bylinePattern: options.bylinePattern, timeZone: options.timeZone, media: view.media },
  )
  return { rendered, view }
}
