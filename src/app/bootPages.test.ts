import { describe, expect, it } from 'vitest';
import { BOOT_PAGES } from '../boot/pages.ts';
import { PAGES } from './routes.tsx';

describe("the boot module's list of pages", () => {
  it('knows every signed-in page of the route table, each by the module the route table loads for it', async () => {
    expect(BOOT_PAGES.map((page) => page.path)).toEqual(PAGES.map((page) => page.path));
    for (const [index, page] of PAGES.entries()) {
      const bootPage = BOOT_PAGES[index];
      if (!bootPage) throw new Error(`No boot page for ${page.path}`);
      expect(await page.load(), page.path).toBe(await import(/* @vite-ignore */ `/${bootPage.module}`));
    }
  });
});
