const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A Genesys user id is a UUID. Kept apart from the search rules: the route table loads it with the first page.
 * Not trimmed: the user page and its loader use the text as given, and " <id>" would be asked of Genesys
 * (and come back "no such user") with its spaces; the search box strips spaces itself.
 */
export function isUserId(text: string): boolean {
  return UUID.test(text);
}
