/**
 * Reads the boot script (src/boot/) started before the bundle had downloaded, handed to the
 * app so that it adopts their answers instead of asking again. The app's HttpClient takes an
 * answer when it is about to send the very same GET with the very same token; everything after
 * that (a 401 ending the session, a 5xx retried, a wrong shape refused) is as for its own fetch.
 */

/** One answer as it came, body read, so that it can be handed on as a fresh Response. */
export interface EarlyAnswer {
  status: number;
  statusText: string;
  headers: Headers;
  body: string;
  /** Epoch ms, for the estimate of Genesys' clock. */
  sentAt: number;
  receivedAt: number;
}

/** A 2xx: an answer the page may take as data; anything else is the page's to show. */
export function succeeded(answer: EarlyAnswer): boolean {
  return answer.status >= 200 && answer.status < 300;
}

export interface EarlyRead {
  url: string;
  token: string;
  /** Rejects as the fetch did (a network failure). */
  answer: Promise<EarlyAnswer>;
}

/** What the boot module started, for the app to adopt. */
export interface BootHandoff {
  /** config.json as fetched (the preload's response); a copy the app may read. */
  config: Promise<Response>;
  /** Resolves once the boot module has decided, with the reads it started (none without a session). */
  reads: Promise<EarlyRead[]>;
}

export interface TakenRead {
  answer: Promise<EarlyAnswer>;
  /** The caller gave up before the answer came (a cancelled query): the next ask may take it again. */
  release(): void;
}

/** Each early read is adopted once: later asks (polling, Try again) go to Genesys. */
export class EarlyReads {
  private readonly waiting = new Map<string, EarlyRead>();

  constructor(reads: readonly EarlyRead[] = []) {
    for (const read of reads) {
      read.answer.catch(() => undefined);
      this.waiting.set(read.url, read);
    }
  }

  take(url: string, token: string | undefined): TakenRead | undefined {
    const read = this.waiting.get(url);
    if (!read || read.token !== token) return undefined;
    this.waiting.delete(url);
    let released = false;
    return {
      answer: read.answer,
      release: () => {
        if (released) return;
        released = true;
        this.waiting.set(url, read);
      },
    };
  }
}

/** A fresh Response around a body already read (a status that forbids a body gets none). */
export function responseOf(body: string, init: { status: number; statusText: string; headers: Headers }): Response {
  const empty = body === '' || init.status === 204 || init.status === 205 || init.status === 304;
  return new Response(empty ? null : body, { status: init.status, statusText: init.statusText, headers: init.headers });
}
