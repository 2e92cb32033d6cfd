/**
 * Helpers every page shares (src/ui/server/page.ts puts them first in the page's one
 * <script>, after D, the page's data, and W, its words). Plain ES5 run as a classic script:
 * the build refuses newer syntax (scripts/build.mjs). The DOM is built with textContent
 * only, so nothing that came from a cell is parsed as HTML.
 */
/* exported $, el, clear, server, say, showError, showResult, EMAIL, buildForm */
/* global W */
function $(id) {
  return document.getElementById(id);
}
function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}
function clear(n) {
  while (n.firstChild) n.removeChild(n.firstChild);
}
function busy(on) {
  document.body.className = on ? 'working' : '';
}
/**
 * google.script.run with the busy bar shown until the server answers: call the server's
 * function on what it returns, by name (server(ok).uiSidebarState(ref)), never by string.
 */
function server(ok, fail) {
  busy(true);
  return google.script.run
    .withSuccessHandler(function (x) {
      busy(false);
      ok(x);
    })
    .withFailureHandler(function (e) {
      busy(false);
      (fail || showError)(e);
    });
}
function say(box, kind, message, details) {
  clear(box);
  box.className = 'msg ' + kind;
  box.appendChild(el('div', null, message));
  if (details && details.length) {
    var ul = el('ul');
    for (var i = 0; i < details.length; i++) ul.appendChild(el('li', null, details[i]));
    box.appendChild(ul);
  }
  box.hidden = false;
}
function showError(e) {
  say($('msg'), 'bad', (e && e.message) || String(e));
}
function showResult(r) {
  say($('msg'), r.ok ? 'ok' : 'bad', r.message, r.details);
}
var EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[A-Za-z]{2,}$/;
function fieldInput(f) {
  var i;
  if (f.type === 'longtext') {
    i = el('textarea');
  } else if (f.type === 'list') {
    i = el('select');
    var o = el('option', null, '');
    o.value = '';
    i.appendChild(o);
    for (var k = 0; k < (f.choices || []).length; k++) {
      var c = el('option', null, f.choices[k]);
      c.value = f.choices[k];
      i.appendChild(c);
    }
  } else {
    i = el('input');
    i.type = f.type === 'integer' ? 'number' : f.type === 'date' ? 'date' : f.type === 'email' ? 'email' : 'text';
    if (f.type === 'integer') {
      i.min = '0';
      i.step = '1';
    }
  }
  i.name = f.key;
  i.id = 'f_' + f.key;
  i.value = f.value || '';
  return i;
}
function fieldProblem(f, value, all) {
  var v = (value || '').trim();
  var req = f.required || (f.requiredIf && (all[f.requiredIf.key] || '') === f.requiredIf.value);
  if (!v) return req ? W.fieldRequired.replace('{field}', f.label) : '';
  if (f.type === 'integer' && !/^\d+$/.test(v)) return W.notNumber.replace('{field}', f.label).replace('{min}', '0').replace('{max}', '100000');
  if (f.type === 'email' && !EMAIL.test(v)) return W.notEmail.replace('{field}', f.label);
  return '';
}
function buildForm(fields, submitLabel, onSubmit) {
  var form = el('form');
  form.noValidate = true;
  var inputs = {},
    errs = {};
  for (var k = 0; k < fields.length; k++) {
    (function (f) {
      var l = el('label', null, f.label);
      if (f.required) {
        var s = el('span', 'req', ' *');
        l.appendChild(s);
      }
      l.htmlFor = 'f_' + f.key;
      form.appendChild(l);
      var i = fieldInput(f);
      inputs[f.key] = i;
      form.appendChild(i);
      var e = el('div', 'err');
      errs[f.key] = e;
      form.appendChild(e);
      i.addEventListener('input', check);
      i.addEventListener('change', check);
    })(fields[k]);
  }
  var btn = el('button', 'primary', submitLabel);
  btn.type = 'submit';
  form.appendChild(btn);
  function values() {
    var v = {};
    for (var k in inputs) v[k] = inputs[k].value;
    return v;
  }
  function check() {
    var v = values(),
      bad = 0;
    for (var k = 0; k < fields.length; k++) {
      var f = fields[k];
      var p = fieldProblem(f, v[f.key], v);
      errs[f.key].textContent = p;
      inputs[f.key].className = p ? 'invalid' : '';
      if (p) bad++;
    }
    btn.disabled = bad > 0;
    return bad === 0;
  }
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (check()) onSubmit(values());
  });
  check();
  return form;
}
