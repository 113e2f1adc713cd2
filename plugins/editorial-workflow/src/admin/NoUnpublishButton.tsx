/**
 * In place of Payload's own "unpublish" in the document menu, which would take a story down without the
 * workflow's reason and history: the action bar's 撤下 (unpublish action) does it instead.
 */
export const NoUnpublishButton = () => null
