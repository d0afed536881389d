import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { DemoAccount } from './seed.ts';

type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

// Colours checked for WCAG AA contrast in both schemes.
const STYLE = html`<style>
  :root {
    color-scheme: light dark;
    --bg: #f5f6f8; --surface: #ffffff; --text: #1a1d21; --muted: #4b5563; --border: #6b7280;
    --primary: #1d4ed8; --on-primary: #ffffff; --error: #b42318; --focus: #1d4ed8;
  }
  @media (prefers-color-scheme: dark) {
    :root {
      --bg: #111418; --surface: #1b1f24; --text: #e6e8eb; --muted: #b0b8c4; --border: #8b95a5;
      --primary: #8ab4f8; --on-primary: #0b1a33; --error: #ffb4ab; --focus: #8ab4f8;
    }
  }
  * { box-sizing: border-box; }
  body { margin: 0; background: var(--bg); color: var(--text); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  main { max-width: 56rem; margin: 2rem auto; padding: 1.5rem 2rem; background: var(--surface); border: 1px solid var(--border); border-radius: 8px; }
  h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
  h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
  p { margin: .5rem 0; }
  .muted { color: var(--muted); }
  .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
  label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
  input[type=email] { width: 100%; max-width: 24rem; min-height: 44px; padding: .5rem .6rem; font: inherit; color: var(--text); background: var(--surface); border: 1px solid var(--border); border-radius: 4px; }
  input[aria-invalid=true] { border: 2px solid var(--error); }
  .error { color: var(--error); font-weight: 600; }
  .actions { display: flex; gap: .75rem; margin-top: 1rem; flex-wrap: wrap; }
  /* 44 px: a finger's target (WCAG 2.5.5); long labels wrap instead of widening the page. */
  button { font: inherit; min-height: 44px; padding: .45rem 1rem; border-radius: 4px; cursor: pointer; border: 1px solid var(--primary); white-space: normal; overflow-wrap: anywhere; }
  button.primary { background: var(--primary); color: var(--on-primary); font-weight: 600; }
  button.secondary { background: var(--surface); color: var(--text); border-color: var(--border); }
  button.link { background: var(--surface); color: var(--primary); text-align: left; }
  :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  /* Demo accounts: a list of cards, one row each on wide screens, stacked on phones. */
  .accounts { list-style: none; margin: .5rem 0 0; padding: 0; display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.3fr) auto; }
  .account { display: grid; grid-column: 1 / -1; grid-template-columns: subgrid; gap: .5rem 1rem; align-items: center; padding: .75rem 0; border-bottom: 1px solid var(--border); }
  .account h3 { font-size: 1rem; margin: 0; }
  .account p { margin: 0; }
  @media (max-width: 40rem) {
    main { margin: 0; padding: 1rem; border-width: 0 0 1px; border-radius: 0; }
    .accounts { grid-template-columns: minmax(0, 1fr); }
    .account button { width: 100%; }
    .actions button { flex: 1 1 8rem; }
  }
</style>`;

function page(title: string, body: Markup): Markup {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    ${STYLE}
  </head>
  <body>
    <main>${body}</main>
  </body>
</html>`;
}

export interface AuthorizeFields {
  client_id: string;
  redirect_uri: string;
  response_type: string;
  code_challenge?: string;
  code_challenge_method?: string;
  state?: string;
}

export interface SignInPageOptions {
  clientName: string;
  orgName: string;
  returnOrigin: string;
  fields: AuthorizeFields;
  accounts: readonly DemoAccount[];
  email?: string;
  error?: string;
}

export function signInPage(o: SignInPageOptions): Markup {
  const hidden = Object.entries(o.fields)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`);
  const invalid = o.error !== undefined;
  const body = html`
    <h1>Sign in to Genesys Cloud (emulator)</h1>
    <p class="muted">
      Signing in to <strong>${o.clientName}</strong> in ${o.orgName}. Afterwards you go back to
      <span class="mono">${o.returnOrigin}</span>. This is a local emulator: no password is needed.
    </p>
    <form id="signin" method="post" action="/oauth/authorize" novalidate>
      ${hidden}
      <label for="email">Email</label>
      <input id="email" name="email" type="email" autocomplete="username" spellcheck="false" required
        value="${o.email ?? ''}" ${invalid ? html`aria-invalid="true" aria-describedby="email-error"` : ''} autofocus />
      ${invalid ? html`<p id="email-error" class="error" role="alert">${o.error}</p>` : ''}
      <div class="actions">
        <button type="submit" name="action" value="signin" class="primary">Sign in</button>
        <button type="submit" name="action" value="cancel" class="secondary">Cancel</button>
      </div>
    </form>
    <section aria-labelledby="demo-heading">
      <h2 id="demo-heading">Demo accounts</h2>
      <p class="muted">Any active user of ${o.orgName} may sign in; these accounts have the permissions shown.</p>
      <ul class="accounts">
        ${o.accounts.map(
          (a) => html`<li class="account">
            <div>
              <h3>${a.name}</h3>
              <span class="mono">${a.email}</span>
            </div>
            <p>${a.description}</p>
            <button type="submit" form="signin" name="signInAs" value="${a.email}" class="link">Sign in as ${a.email}</button>
          </li>`,
        )}
      </ul>
    </section>`;
  return page('Sign in · Genesys Cloud (emulator)', body);
}

export function errorPage(heading: string, message: string, hint?: string): Markup {
  return page(
    `${heading} · Genesys Cloud (emulator)`,
    html`<h1>${heading}</h1>
      <p class="error">${message}</p>
      ${hint ? html`<p class="muted">${hint}</p>` : ''}`,
  );
}

export function signedOutPage(): Markup {
  return page(
    'Signed out · Genesys Cloud (emulator)',
    html`<h1>You are signed out</h1>
      <p>You signed out of Genesys Cloud (emulator). You can close this tab.</p>`,
  );
}

export function homePage(orgName: string): Markup {
  return page(
    'Genesys Cloud emulator',
    html`<h1>Genesys Cloud emulator</h1>
      <p>A local stand-in for the Genesys Cloud login and API, serving ${orgName}.</p>
      <p class="muted">The API lives under <span class="mono">/api/v2</span>; sign-in under <span class="mono">/oauth/authorize</span>.</p>`,
  );
}
