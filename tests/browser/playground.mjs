// End-to-end check of the web playground in a real browser: headless Chromium from Debian's `chromium` package,
// driven by playwright-core (no browser download).
//
//   node tests/browser/playground.mjs <playground url> [screenshot.png]
//
// Asks a question with the keyboard, checks the quote card and its attribution, opens the context with the keyboard,
// checks labels, visible focus, text contrast (light and dark), "more quotes", quote by speaker, the quote of the
// day, the corpus page, and a 375px-wide screen. Saves a screenshot of the desktop page (and one of the phone-sized
// page beside it, "-mobile.png") and prints their paths. Exits 0 when every check passes, 1 otherwise.
import { chromium } from 'playwright-core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, screenshotArg] = process.argv.slice(2);
if (!base) {
  console.error('usage: node playground.mjs <playground url> [screenshot.png]');
  process.exit(2);
}
const url = base.endsWith('/') ? base : `${base}/`;
const screenshot = screenshotArg ?? join(tmpdir(), `interviewbot-playground-${Date.now()}.png`);
const mobileScreenshot = screenshot.replace(/(\.png)?$/i, '-mobile.png');
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const question = 'Why is Heat still the touchstone for action movies?';

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
  console.log(`ok - ${message}`);
}

/** Every visible text element whose contrast with the background behind it is under 4.5:1 (WCAG AA). */
function lowContrast() {
  const rgba = (value) => {
    const parts = value.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
    return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
  };
  const luminance = ({ r, g, b }) => {
    const lin = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const background = (node) => {
    for (let n = node; n; n = n.parentElement) {
      const bg = rgba(getComputedStyle(n).backgroundColor);
      if (bg.a >= 1) return bg;
    }
    return rgba(getComputedStyle(document.documentElement).backgroundColor);
  };
  const problems = [];
  for (const node of document.body.querySelectorAll('*')) {
    const hasText = [...node.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent.trim() !== '');
    if (!hasText || node.getClientRects().length === 0 || node.closest('.visually-hidden, .skip-link, [hidden]')) continue;
    const style = getComputedStyle(node);
    if (style.visibility === 'hidden') continue;
    const [l1, l2] = [luminance(rgba(style.color)), luminance(background(node))].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    if (ratio < 4.5) problems.push(`${node.tagName.toLowerCase()}.${node.className} "${node.textContent.trim().slice(0, 30)}": ${ratio.toFixed(2)}`);
  }
  return problems;
}

async function expectContrast(page, scheme) {
  await page.emulateMedia({ colorScheme: scheme });
  const problems = await page.evaluate(lowContrast);
  check(problems.length === 0, `text contrast is at least 4.5:1 in the ${scheme} scheme${problems.length ? `: ${problems.join('; ')}` : ''}`);
}

function watchErrors(page, errors) {
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
}

async function desktop(browser, errors) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  watchErrors(page, errors);
  await page.goto(url);

  for (const label of ['Question', 'Only quotes by (optional)', 'Speaker', 'Interview (optional)', 'About (optional words)']) {
    check(await page.getByLabel(label, { exact: true }).count() === 1, `an input is labelled "${label}"`);
  }
  check(await page.getByRole('button', { name: 'Ask' }).isVisible(), 'the Ask button is a real button');

  await page.locator('#qotd .card').waitFor();
  check((await page.locator('#qotd-status').innerText()).startsWith('Quote of the day'), "today's quote of the day is shown");

  // Keyboard only: Tab to the question box, type, Enter.
  for (let i = 0; i < 10 && await page.evaluate(() => document.activeElement?.id) !== 'ask-q'; i++) await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement?.id) === 'ask-q', 'Tab reaches the question box');
  await page.keyboard.type(question);
  await page.keyboard.press('Enter');

  const card = page.locator('#answers .card').first();
  await card.waitFor();
  const text = await card.innerText();
  for (const fragment of ['touchstone', 'Joe Russo', 'Joe Russo on how Extraction reaches for the greatness of Heat', 'Polygon', 'April 2020']) {
    check(text.includes(fragment), `the first quote card shows "${fragment}"`);
  }
  check(/quotes? for “Why is Heat/.test(await page.locator('#ask-status').innerText()), 'the live status line announces the answer');

  const summary = card.locator('summary');
  await summary.focus();
  const outline = await summary.evaluate((s) => getComputedStyle(s).outlineStyle + ' ' + getComputedStyle(s).outlineWidth);
  check(!outline.startsWith('none') && !outline.endsWith(' 0px'), `the focused Context control has a visible focus outline (${outline})`);
  await page.keyboard.press('Enter');
  await card.locator('.context-question').waitFor();
  check(await card.locator('details').evaluate((d) => d.open), 'Enter opens the context');
  check((await card.locator('.context-question').innerText()).includes('25 years later, is still the touchstone'), "the context shows the interviewer's question");
  check((await card.locator('.context-answer mark').innerText()).includes('touchstone'), 'the context marks the quote inside the answer');

  const more = page.getByRole('button', { name: 'More quotes' });
  check(await more.isVisible(), 'a More quotes button is offered');
  await more.focus();
  await page.keyboard.press('Enter');
  await page.locator('#answers .card').nth(3).waitFor();
  check(await page.evaluate(() => document.activeElement?.classList.contains('card')), 'More quotes moves focus to the first new quote');

  await expectContrast(page, 'light');
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`screenshot: ${screenshot}`);
  await expectContrast(page, 'dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByLabel('Speaker', { exact: true }).fill('Joe Russo');
  await page.getByLabel('Speaker', { exact: true }).press('Enter');
  await page.locator('#quote-result .card').waitFor();
  check((await page.locator('#quote-result .card').innerText()).includes('Joe Russo'), 'quote lookup by speaker shows a Joe Russo quote');

  await page.getByRole('link', { name: 'Corpus' }).click();
  await page.locator('#interviews tbody tr').first().waitFor();
  const row = await page.locator('#interviews tbody tr').first().innerText();
  check(row.includes('Joe Russo on how Extraction reaches for the greatness of Heat'), 'the corpus page lists the seed interview');
  check(/\b\d+\b/.test(row), 'the corpus page shows turn and passage counts');
  check(/\d+ interviews?, \d+ passages, \d+ skipped/.test(await page.locator('#corpus-status').innerText()), 'the corpus page sums up the corpus');
  await expectContrast(page, 'light');
  await page.close();
}

async function phone(browser, errors) {
  const page = await browser.newPage({ viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  watchErrors(page, errors);
  await page.goto(url);
  await page.getByLabel('Question', { exact: true }).fill(question);
  await page.getByLabel('Question', { exact: true }).press('Enter');
  const card = page.locator('#answers .card').first();
  await card.waitFor();
  const box = await card.boundingBox();
  check(box !== null && box.x >= 0 && box.x + box.width <= 375, `a quote card fits a 375px screen (${box?.x}+${box?.width})`);
  check(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the ask page does not scroll sideways at 375px');
  await page.screenshot({ path: mobileScreenshot, fullPage: false });
  console.log(`screenshot: ${mobileScreenshot}`);
  await page.goto(`${url}corpus`);
  await page.locator('#interviews tbody tr').first().waitFor();
  check(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the corpus page does not scroll sideways at 375px');
  await page.close();
}

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const errors = [];
  await desktop(browser, errors);
  await phone(browser, errors);
  check(errors.length === 0, `no script or console errors${errors.length ? `: ${errors.join('; ')}` : ''}`);
  console.log('playground: all checks passed');
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await browser.close();
}
