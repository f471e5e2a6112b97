/**
 * Whether a string from a URL or a form is a UUID PostgreSQL will accept. Ids are checked
 * before they reach a query, so a mangled link is a 404, not a database error (a 500).
 */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
