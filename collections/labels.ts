/** Bilingual labels (简体中文 and English) for our own collections and fields; Payload's i18n covers the rest. */
export const label = (zh: string, en: string) => ({ zh, en })
