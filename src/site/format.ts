/** Dates and labels as a Chinese reader expects them: 2026年11月26日 10:30, Beijing time. */
const TIME_ZONE = 'Asia/Shanghai'

const parts = (iso: string, withTime: boolean) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  }).format(new Date(iso))

export const readerDate = (iso: string): string => parts(iso, false)
export const readerDateTime = (iso: string): string => parts(iso, true)

export const CREDIT_ROLES: Record<string, string> = {
  reporter: '记者',
  correspondent: '通讯员',
  photographer: '摄影',
  editor: '责任编辑',
  contributor: '撰稿',
  intern: '实习生',
}
