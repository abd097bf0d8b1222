import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/**
 * Debian's Chromium driven by playwright-core (no browser download). The background-networking flags
 * keep it from calling out of this closed network; a fresh profile folder per launch keeps runs apart.
 */
export async function launchBrowser(viewport = { width: 1366, height: 900 }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'daowei-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * One browser per signed-in person (a browser keeps one session), opened on first use and reused: the
 * login limit is per account and minute, and the flows switch between people often.
 */
export function signedInPeople(url: string, signIn: (page: Page, url: string, login: string) => Promise<void>) {
  const open = new Map<string, { browser: Browser; page: Page }>();
  return {
    async as(login: string, viewport?: { width: number; height: number }): Promise<Page> {
      const known = open.get(login);
      if (known) return known.page;
      const browser = await launchBrowser(viewport);
      const page = await browser.context.newPage();
      page.setDefaultTimeout(60_000);
      await signIn(page, url, login);
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      open.set(login, { browser, page });
      return page;
    },
    async closeAll(): Promise<void> {
      for (const { browser } of open.values()) await browser.close();
      open.clear();
    },
  };
}
