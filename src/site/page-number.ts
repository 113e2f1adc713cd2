/** `?page=` as a page number: anything that is not a whole number from 1 to 1000 is page 1. */
export function pageNumber(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value)
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 1
}
