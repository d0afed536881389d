/**
 * What a change declares so that it is recorded in this browser's Activity: the mutations in the
 * api factories carry it as `meta.journal`, and a bulk run hands the same shape to the journal
 * itself. The journal (src/journal) stores it; app/ joins the two.
 */

export type JournalAction = 'revoke-user-tokens' | 'change-idle-timeout' | 'sign-out' | 'bulk-revoke';

/** Who did it, as Genesys said when they did: given by the caller, never guessed later. */
export interface Actor {
  id?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
  /** The organisation the token works in; unknown when Genesys had not said yet. */
  organization?: { id: string; name?: string | undefined } | undefined;
}

export interface JournalTarget {
  id?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
}

export interface JournalIntent {
  actor: Actor;
  action: JournalAction;
  /** One line in the admin's words: "Revoked all tokens of Ari Agent". */
  summary: string;
  target?: JournalTarget | undefined;
}

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { journal?: JournalIntent };
  }
}
