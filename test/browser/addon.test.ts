/**
 * The add-on's side panel in a real browser (Debian's Chromium, headless, playwright-core)
 * against `reglament serve`: open an Interview's event card, fill the comment for two
 * candidates, mark one Hired, submit — the Calls row is Done at once (written as the
 * manager); the manager's mail and the Hired status follow at the engine's next tick (the
 * add-on's writes fire no trigger, so non-owner actions reach the engine through its queue).
 * Then a client's mail card records the payment.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Frame } from 'playwright-core';
import { englishRecords, Harness } from '../e2e/harness';
import { LocalWorkspace } from '../../workspace/runtime/workspace';
import { serve, Served } from '../../workspace/cli/serve';
import { BOSS, CLIENT, SALES } from '../e2e/calls-fixture';
import { addonWorkbook, scheduled } from '../addon/fixture';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, '..', 'screenshots');
const describeBrowser = fs.existsSync(CHROMIUM) ? describe : describe.skip;

describeBrowser('the add-on panel in Chromium', () => {
  let h: Harness;
  let server: Served;
  let browser: Browser;

  beforeAll(async () => {
    h = await addonWorkbook('workspace');
    scheduled(h, {
      Type: 'Interview',
      'Order ID': 'ORD-2026-0001',
      Start: '2026-11-23 15:00',
      'Candidate IDs': 'C-1, C-2',
      'Manager e-mail': BOSS,
    });
    await h.ws.save();
    // A client's payment order, as it arrived in the Sales manager's mailbox.
    fs.mkdirSync(path.join(h.ws.stateDir, 'inbox'), { recursive: true });
    fs.writeFileSync(
      path.join(h.ws.stateDir, 'inbox', 'payment.eml'),
      [
        `From: John Smith <${CLIENT}>`,
        `To: ${SALES}`,
        'Subject: Payment order',
        'Message-ID: <pay-1@acme.example>',
        '',
        'Paid, see attached.',
        '',
      ].join('\r\n'),
    );
    server = await serve({ workbook: h.workbook, port: 0, user: BOSS, now: h.instant('2026-11-23T16:00') });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    h?.close();
  });

  const panel = async (page: import('playwright-core').Page): Promise<Frame> => {
    const frame = page.frame({ name: 'panel' });
    if (!frame) throw new Error('no panel');
    await frame.waitForLoadState();
    return frame;
  };

  test('the Interview’s event card: comment for two candidates, one Hired, Save and mark done; the tick mails the manager and hires her', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/addon`);
    let frame = await panel(page);
    await frame.waitForSelector('.gw-card-title');
    expect(await frame.locator('.gw-card-title').textContent()).toBe('My day');
    await Promise.all([page.frame({ name: 'panel' })!.waitForNavigation(), page.click('#events a:has-text("Interview")')]);
    frame = await panel(page);
    expect(await frame.locator('.gw-card-title').textContent()).toBe('Call CALL-2026-0001');
    await frame.fill('textarea[name="s_C-1"]', 'strong, two years inbound');
    await frame.fill('textarea[name="s_C-2"]', 'too junior');
    await frame.fill('textarea[name="results"]', 'Alice hired');
    await frame.fill('textarea[name="fb_C-1"]', 'liked her calm voice');
    await frame.fill('textarea[name="fb_C-2"]', 'not this time');
    await frame.fill('input[name="sm"]', 'Anna');
    await frame.check('input[name="hired"]');
    await frame.selectOption('select[name="hiredCandidateId"]', 'C-1');
    await frame.fill('input[name="hireStartDate"]', '2026-12-01');
    await frame.fill('input[name="price"]', '1500');
    await frame.fill('input[name="contractLink"]', 'https://docs.google.com/document/d/contract-7');
    await page.screenshot({ path: path.join(SHOTS, 'addon-call-card.png'), fullPage: true });
    await Promise.all([frame.waitForNavigation(), frame.click('button:has-text("Save and mark done")')]);
    frame = await panel(page);
    expect(await frame.locator('.gw-toast').textContent()).toMatch(/Written to call CALL-2026-0001/);
    expect(errors).toEqual([]);
    let ws = await LocalWorkspace.open({ workbook: h.workbook });
    let callRow = englishRecords(ws, 'Calls')[0];
    expect(callRow['Status']).toBe('Done');
    expect(callRow['Hired']).toBe(true);
    expect(ws.mail.sent().filter((m) => m.to.includes(BOSS) && /comment/i.test(m.subject))).toHaveLength(0);
    // The engine's tick (the serve page's button, or a timer's `reglament tick`).
    const tick = (await page.evaluate(() => fetch('/api/tick', { method: 'POST' }).then((r) => r.json()))) as { ok: boolean };
    expect(tick.ok).toBe(true);
    ws = await LocalWorkspace.open({ workbook: h.workbook });
    callRow = englishRecords(ws, 'Calls')[0];
    // The comment passes; what is left is the step after a hire (seed 003): the Introductory call is due.
    expect(callRow['Problems']).toMatch(/^Alice Brown \(C-1\) is hired: schedule the Introductory call/);
    expect(callRow['Problems']).not.toMatch(/\n/);
    expect(englishRecords(ws, 'Candidates')[0]['Client feedback']).toMatch(/liked her calm voice/);
    expect(ws.mail.sent().filter((m) => m.to.includes(BOSS) && /comment/i.test(m.subject))).toHaveLength(1);
    expect(englishRecords(ws, 'Candidates').map((c) => c['Status'])).toEqual(['Hired', 'New', 'New']);
    await page.close();
  });

  test('a client’s mail card: Record payment received writes the date and the mail as the payment document', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.evaluate(
      (u) => fetch('/api/user', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: u }) }),
      SALES,
    );
    await page.goto(`${server.url}/addon`);
    await panel(page);
    await Promise.all([page.frame({ name: 'panel' })!.waitForNavigation(), page.click('#mails a:has-text("payment.eml")')]);
    let frame = await panel(page);
    expect(await frame.locator('.gw-card-title').textContent()).toBe('Client’s order ORD-2026-0001');
    expect(await frame.locator('input[name="paymentLink"]').inputValue()).toMatch(/^https:\/\/mail\.google\.com\//);
    await Promise.all([frame.waitForNavigation(), frame.click('button:has-text("Record payment received")')]);
    frame = await panel(page);
    expect(await frame.locator('.gw-toast').textContent()).toMatch(/ORD-2026-0001/);
    await page.screenshot({ path: path.join(SHOTS, 'addon-client-card.png'), fullPage: true });
    const ws = await LocalWorkspace.open({ workbook: h.workbook });
    const order = englishRecords(ws, 'Orders')[0];
    expect(Object.prototype.toString.call(order['Payment received'])).toBe('[object Date]');
    expect(String(order['Payment document link'])).toMatch(/^https:\/\/mail\.google\.com\/mail\/u\/0\/#all\//);
    await page.close();
  });
});
