import * as vm from 'vm';
import { Runtime } from '../../../workspace/runtime/runtime';
import { createHtmlService, FakeHtmlOutput, FakeHtmlTemplate } from '../../../workspace/services/html';

/* eslint-disable @typescript-eslint/no-explicit-any -- the fake is called as the bundle calls it */
function setup(context?: () => object | undefined) {
  const rt = new Runtime({ now: new Date('2025-03-05T10:00:00Z') });
  const service = createHtmlService(rt, { context });
  return { rt, service, HtmlService: service.globals.HtmlService as any };
}

describe('HtmlOutput', () => {
  test('append adds markup as is, appendUntrusted escapes it', () => {
    const { HtmlService } = setup();
    const out: FakeHtmlOutput = HtmlService.createHtmlOutput('<b>Hi</b>');
    out.append('<i>x</i>').appendUntrusted('<script>alert("1")</script>');
    expect(out.getContent()).toBe('<b>Hi</b><i>x</i>&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt;');
    expect(out.setContent('new').getContent()).toBe('new');
    expect(out.clear().getContent()).toBe('');
  });

  test('title, size, favicon and modes are kept for the dialog that shows it', () => {
    const { HtmlService } = setup();
    const out: FakeHtmlOutput = HtmlService.createHtmlOutput()
      .setTitle('Отчёт')
      .setWidth(400)
      .setHeight(300)
      .setFaviconUrl('https://example.com/i.png')
      .setSandboxMode(HtmlService.SandboxMode.IFRAME)
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL);
    expect([out.getTitle(), out.getWidth(), out.getHeight(), out.getFaviconUrl()]).toEqual(['Отчёт', 400, 300, 'https://example.com/i.png']);
    expect([out.sandboxMode, out.xFrameOptionsMode]).toEqual(['IFRAME', 'ALLOWALL']);
    expect(out.getContent()).toBe('');
  });

  test('addMetaTag accepts only the documented names', () => {
    const { HtmlService } = setup();
    const out: FakeHtmlOutput = HtmlService.createHtmlOutput('x').addMetaTag('viewport', 'width=device-width');
    expect(out.getMetaTags().map((t) => [t.getName(), t.getContent()])).toEqual([['viewport', 'width=device-width']]);
    expect(() => out.addMetaTag('description', 'x')).toThrow('Invalid argument: name');
  });
});

describe('HtmlTemplate scriptlets', () => {
  test('<?= ?> escapes HTML, <?!= ?> prints as is, properties are variables', () => {
    const { HtmlService } = setup();
    const t: FakeHtmlTemplate = HtmlService.createTemplate('Hello <?= name ?>! <?!= name ?>');
    t.name = '<Ann & "Bo">';
    expect(t.evaluate().getContent()).toBe('Hello &lt;Ann &amp; &quot;Bo&quot;&gt;! <Ann & "Bo">');
  });

  test('<? ?> control flow spans markup', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createTemplate(
      '<ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?></ul><? if (false) { ?>never<? } ?>',
    );
    t.items = ['a', 'b<'];
    expect(t.evaluate().getContent()).toBe('<ul><li>a</li><li>b&lt;</li></ul>');
  });

  test('inside <script> a printed value becomes a safe JavaScript literal', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createTemplate('<script>var d = <?= data ?>;</script><p><?= text ?></p>');
    t.data = { a: '</script>', n: [1, 2] };
    t.text = '<b>';
    expect(t.evaluate().getContent()).toBe('<script>var d = {"a":"\\u003c/script\\u003e","n":[1,2]};</script><p>&lt;b&gt;</p>');
  });

  test('getRawContent returns the source and getCode the server-side code', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createTemplate('<p><?= name ?></p>');
    expect(t.getRawContent()).toBe('<p><?= name ?></p>');
    expect(t.getCode()).toContain('output._$ = name;');
    expect(t.getCode()).toContain('output._ = "<p>";');
  });

  test('an error in a scriptlet reaches the caller', () => {
    const { HtmlService } = setup();
    expect(() => HtmlService.createTemplate('<?= missing.value ?>').evaluate()).toThrow(/missing/);
  });

  test("with the bundle's context, scriptlets call the script's own functions", () => {
    const ctx = vm.createContext({});
    const { service, HtmlService } = setup(() => ctx);
    ctx.HtmlService = HtmlService;
    vm.runInContext('function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }', ctx);
    service.registerFile('Style', '<style>b{}</style>');
    service.registerFile('Page', '<head><?!= include("Style") ?></head><?= new Date(0).getUTCFullYear() ?>');
    expect(HtmlService.createTemplateFromFile('Page').evaluate().getContent()).toBe('<head><style>b{}</style></head>1970');
  });
});

describe('HtmlService files', () => {
  test('createHtmlOutputFromFile reads a project file without running its scriptlets', () => {
    const { service, HtmlService } = setup();
    service.registerFile('Sidebar.html', '<p><?= x ?></p>');
    expect(HtmlService.createHtmlOutputFromFile('Sidebar').getContent()).toBe('<p><?= x ?></p>');
    expect(HtmlService.createHtmlOutputFromFile('Sidebar.html').getContent()).toBe('<p><?= x ?></p>');
  });

  test("a missing file throws Google's message", () => {
    const { HtmlService } = setup();
    expect(() => HtmlService.createTemplateFromFile('Index')).toThrow('No HTML file named Index was found.');
  });

  test('each service call is counted', () => {
    const { rt, HtmlService } = setup();
    HtmlService.createTemplate('<?= 1 ?>').evaluate().setTitle('t');
    expect(rt.meter.countOf('HtmlService.createTemplate')).toBe(1);
    expect(rt.meter.countOf('HtmlTemplate.evaluate')).toBe(1);
    expect(rt.meter.countOf('HtmlOutput.setTitle')).toBe(1);
  });
});
