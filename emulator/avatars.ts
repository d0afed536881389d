import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { Env } from './env.ts';
import { notFound } from './errors.ts';
import type { Store } from './store.ts';
import { AVATAR_RESOLUTIONS, type AvatarResolution } from './users.ts';

/** Circle colours, each dark enough for white initials (contrast ≥ 4.5:1). */
const COLOURS = ['#1d4ed8', '#047857', '#b91c1c', '#7c3aed', '#0f766e', '#9d174d', '#92400e', '#334155'];

const SIZES: Record<AvatarResolution, number> = { x96: 96, x200: 200 };

export function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const letter = (word: string | undefined) => (word === undefined ? '' : (/\p{L}/u.exec(word)?.[0] ?? ''));
  const first = letter(words[0]);
  const last = words.length > 1 ? letter(words.at(-1)) : '';
  return (first + last).toUpperCase() || '?';
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (ch) => `&#${String(ch.charCodeAt(0))};`);

/** A small deterministic SVG avatar: the person's initials on a coloured circle. */
export function avatarSvg(userId: string, name: string, size: number): string {
  const colour = COLOURS[(createHash('sha256').update(userId).digest()[0] ?? 0) % COLOURS.length] ?? '#334155';
  const half = size / 2;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${String(size)}" height="${String(size)}" viewBox="0 0 ${String(size)} ${String(size)}" role="img" aria-label="${escapeXml(name)}">`,
    `<circle cx="${String(half)}" cy="${String(half)}" r="${String(half)}" fill="${colour}"/>`,
    `<text x="50%" y="50%" dy=".35em" text-anchor="middle" fill="#ffffff" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="${String(Math.round(size * 0.4))}" font-weight="600">${escapeXml(initials(name))}</text>`,
    '</svg>',
  ].join('');
}

/**
 * Profile pictures, as Genesys serves them from its own image host: no bearer token, readable by
 * pages on any origin (an <img> in the app on another port).
 */
export function avatarRoutes(store: Store): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
  });
  app.get('/:userId/:file', (c) => {
    const user = store.users.get(c.req.param('userId'));
    const resolution = AVATAR_RESOLUTIONS.find((r) => c.req.param('file') === `${r}.svg`);
    if (!user?.hasPicture || user.state === 'deleted' || resolution === undefined) return notFound(c, 'No such image.');
    return c.body(avatarSvg(user.id, user.name, SIZES[resolution]), 200, {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=86400',
      'X-Content-Type-Options': 'nosniff',
      // Opened on its own, the SVG may not run or fetch anything.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
  });
  return app;
}
