/**
 * `npm run headers`: writes the headers a deployment of Token Admin must be served with, computed
 * from its config.json and index.html, as an nginx snippet or a `_headers` file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { headersFile, nginxSnippet, parseDeployedConfig, securityHeaders, SecurityHeadersError } from './securityHeaders.ts';

export const USAGE = `Usage: npm run headers -- --config <config.json> --format <nginx|_headers> [options]

Writes the HTTP headers Token Admin must be served with: a Content-Security-Policy computed from
config.json (the Genesys hosts it may call) and index.html (its inline script's hash), and
framing, referrer and MIME-sniffing protection. Run it again after every edit of config.json
and every new build.

  --config <file>            the deployment's config.json (required)
  --format <format>          nginx: location blocks to include in a server block, with the
                             single-page fallback and config.json never cached
                             _headers: a Netlify or Cloudflare Pages _headers file
  --index <file>             the index.html being served (default: the one beside --config)
  --base <path>              the path the app is served under, e.g. /tools/tokens/ (default /)
  --root <dir>               nginx: the directory holding the files (default: the server's root)
  --frame-ancestor <origin>  the one portal origin allowed to show the app in a frame
                             (default: no page may)
  --img-origin <origin>      an origin serving users' profile pictures (repeatable; default:
                             only apiBaseUrl's, others show initials instead)
  --out <file>               write to this file instead of standard output
  --help                     print this help

Example:
  npm run headers -- --config dist/config.json --base /tools/tokens/ --format nginx --root /srv/token-admin`;

const FORMATS = ['nginx', '_headers'] as const;

export interface CommandIO {
  readFile: (path: string) => string;
  writeFile: (path: string, text: string) => void;
  stdout: (text: string) => void;
  stderr: (line: string) => void;
}

const realIO: CommandIO = {
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text),
  stdout: (text) => process.stdout.write(text),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

class UsageError extends Error {}

function read(io: CommandIO, path: string, what: string): string {
  try {
    return io.readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new SecurityHeadersError(`${what} ${path} ${reason}`);
  }
}

function parseFlags(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      options: {
        config: { type: 'string' },
        format: { type: 'string' },
        index: { type: 'string' },
        base: { type: 'string', default: '/' },
        root: { type: 'string' },
        'frame-ancestor': { type: 'string', multiple: true },
        'img-origin': { type: 'string', multiple: true },
        out: { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Node's explanation for `--config --format nginx` spans three lines.
    const ambiguous = /^Option '(--[\w-]+)' argument is ambiguous/.exec(message);
    throw new UsageError(ambiguous ? `Option '${ambiguous[1] ?? ''}' needs a value` : (message.split('\n')[0] ?? message));
  }
}

function write(io: CommandIO, path: string, text: string) {
  try {
    io.writeFile(path, text);
  } catch (error) {
    throw new SecurityHeadersError(`${path} cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** Runs the command; returns the exit code (0 done, 1 bad input files or values, 2 bad flags). */
export function runHeadersCommand(args: string[], io: CommandIO = realIO): number {
  try {
    const values = parseFlags(args);
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (values.config === undefined) throw new UsageError('--config <config.json> is required');
    const format = values.format;
    if (format === undefined) throw new UsageError('--format is required: nginx or _headers');
    if (!FORMATS.some((known) => known === format)) throw new UsageError(`--format must be nginx or _headers, not '${format}'`);
    const frameAncestors = values['frame-ancestor'] ?? [];
    if (frameAncestors.length > 1) throw new UsageError('--frame-ancestor takes exactly one origin: a page may be framed by one portal only');
    if (values.root !== undefined && format !== 'nginx') throw new UsageError('--root applies to --format nginx only');

    const config = parseDeployedConfig(read(io, values.config, 'The config'), values.config);
    const indexPath = values.index ?? join(dirname(values.config), 'index.html');
    const headers = securityHeaders(config, read(io, indexPath, 'The index.html'), {
      frameAncestor: frameAncestors[0],
      imageOrigins: values['img-origin'],
    });
    const text = format === 'nginx' ? nginxSnippet(headers, { base: values.base, root: values.root }) : headersFile(headers, { base: values.base });
    if (values.out === undefined) io.stdout(text);
    else write(io, values.out, text);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`headers: ${error.message}. Run npm run headers -- --help for usage.`);
      return 2;
    }
    if (error instanceof SecurityHeadersError) {
      io.stderr(`headers: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = runHeadersCommand(process.argv.slice(2));
