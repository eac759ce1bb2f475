#!/usr/bin/env node
// Rasterises assets/icon.svg (from scripts/make-icon.py) to assets/icon.png (512×512) with
// the system Chromium. electron-builder derives the Windows .ico and Linux sizes from the PNG.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const svg = readFileSync(join(root, 'assets', 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.locator('svg').screenshot({ path: join(root, 'assets', 'icon.png'), omitBackground: true });
await browser.close();
