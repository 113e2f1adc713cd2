/**
 * Limits on what a request may carry. Generous for the desk's real work (a long investigation's body is about
 * 200 KB of JSON, nested lists a dozen levels), small enough that nothing downstream (SQL, JSON.stringify,
 * Lexical) meets a value it cannot handle.
 */
/** A JSON request body (REST or GraphQL); the story body alone may be 2 MB (collections/fields/body.ts). */
export const MAX_JSON_BYTES = 4 * 1024 * 1024
/** A multipart body: a picture upload. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024
/** Arrays and objects inside one another in a document's data (a Lexical node is two: the node and its children). */
export const MAX_NESTING = 100
/** `page`: far beyond any real archive, and page × limit stays an exact integer in SQL. */
export const MAX_PAGE = 1_000_000
/** `limit` (0 means every document, as in Payload). */
export const MAX_LIMIT = 100_000
/** `depth` of populated relations; Payload itself stops at its maxDepth (10). */
export const MAX_DEPTH = 100
/** Largest integer id a PostgreSQL `serial` column holds; SQLite takes any safe integer. */
export const MAX_INT4 = 2_147_483_647
