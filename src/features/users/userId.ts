const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A Genesys user id is a UUID. Kept apart from the search rules: the route table loads it with the first page. */
export function isUserId(text: string): boolean {
  return UUID.test(text.trim());
}
