/**
 * The sidebar (src/ui/server/sidebar.ts): the active row's status, checklist, waiting edits,
 * reminders, events and Log lines, and the actions this person may take; it follows the
 * person's selection by polling uiSelection.
 */
/* global D, W, $, el, clear, server, showResult, buildForm */
var state = null;
$('refresh').textContent = W.labelRefresh;
$('refresh').addEventListener('click', function () {
  load(state && state.ref);
});
function section(title) {
  var s = el('section');
  s.appendChild(el('h2', null, title));
  $('main').appendChild(s);
  return s;
}
function lines(title, items) {
  var s = section(title);
  if (!items.length) {
    s.appendChild(el('div', 'muted', W.labelNone));
    return;
  }
  for (var i = 0; i < items.length; i++) {
    var it = items[i],
      d = el('div', 'line');
    var top = el('div');
    if (it.when) top.appendChild(el('span', 'when', it.when + '  '));
    top.appendChild(el('span', null, it.text));
    if (it.state) {
      top.appendChild(el('span', null, '  '));
      top.appendChild(el('span', 'pill', it.state));
    }
    d.appendChild(top);
    if (it.note) d.appendChild(el('div', 'muted', it.note));
    s.appendChild(d);
  }
}
function render(s) {
  state = s;
  var m = $('main');
  clear(m);
  $('who').textContent = W.labelUser + ': ' + s.user + (s.department ? ' · ' + s.department : '');
  if (!s.ref) {
    m.appendChild(el('p', 'muted', s.hint));
    return;
  }
  m.appendChild(el('div', 'muted', s.tabLabel + ' · ' + W.labelRow + ' ' + s.ref.row));
  m.appendChild(el('h1', null, s.title || s.ref.id || '#' + s.ref.row));
  var st = el('div');
  st.appendChild(el('span', 'muted', W.labelStatus + ': '));
  st.appendChild(el('span', 'pill ' + s.statusTone, s.status || '—'));
  m.appendChild(st);
  if (s.pending.length) {
    var pb = el('div', 'msg info');
    for (var i = 0; i < s.pending.length; i++) pb.appendChild(el('div', null, s.pending[i]));
    m.appendChild(pb);
  }
  var c = section(W.labelChecklist),
    ul = el('ul');
  for (i = 0; i < s.checklist.length; i++) {
    var it = s.checklist[i],
      li = el('li', it.ok ? 'ok' : 'no', it.label);
    if (!it.ok && it.detail && it.detail !== it.label) li.appendChild(el('span', 'detail', it.detail));
    ul.appendChild(li);
  }
  c.appendChild(ul);
  if (s.problems.length) {
    var p = section(W.labelProblems),
      pl = el('ul');
    for (i = 0; i < s.problems.length; i++) pl.appendChild(el('li', 'no', s.problems[i]));
    p.appendChild(pl);
  }
  var a = section(W.labelActions);
  for (i = 0; i < s.actions.length; i++) a.appendChild(actionView(s.actions[i]));
  lines(W.labelReminders, s.reminders);
  lines(W.labelEvents, s.events);
  lines(W.labelLog, s.log);
}
function actionView(act) {
  var box = el('div', 'action');
  box.setAttribute('data-action', act.id);
  var b = el('button', act.allowed ? 'primary' : '', act.label);
  b.type = 'button';
  b.disabled = !act.allowed;
  box.appendChild(b);
  if (!act.allowed && act.reason) box.appendChild(el('span', 'why', act.reason));
  b.addEventListener('click', function () {
    if (act.fields) {
      if (box.querySelector('form')) return;
      var f = buildForm(act.fields, W.labelSend, function (v) {
        run(act.id, v);
      });
      box.appendChild(f);
      var first = f.querySelector('input,select,textarea');
      if (first) first.focus();
    } else run(act.id);
  });
  return box;
}
function run(id, values) {
  var ref = state && state.ref;
  function done(r) {
    if (r && r.state) {
      showResult(r);
      render(r.state);
    } else if (r && r.message) {
      showResult(r);
    }
  }
  // Each action's server function: an exported callback of the bundle (test/ui/client.test.ts).
  if (id === 'handOff') server(done).uiHandOff(ref);
  else if (id === 'askHr') server(done).uiAskHr(ref, values);
  else if (id === 'answerHr') server(done).uiAnswerHr(ref, values);
  else if (id === 'markDone') server(done).uiMarkCallDone(ref);
  else if (id === 'comment') server(done).menuCallComment(ref);
  else if (id === 'schedule') server(done).menuScheduleCall(ref);
  else if (id === 'agreedEdit') server(done).uiEditAgreedMail(ref, values);
  else if (id === 'agreedCancel') server(done).uiCancelAgreedMail(ref);
}
function load(ref) {
  server(function (s) {
    render(s);
  }).uiSidebarState(ref || null);
}
var lastSel = '';
function poll() {
  if (document.hidden) return;
  google.script.run
    .withSuccessHandler(function (sel) {
      var key = sel.sheet + '!' + sel.row;
      if (key !== lastSel) {
        lastSel = key;
        if (!state || !state.ref || state.ref.sheet !== sel.sheet || state.ref.row !== sel.row) {
          $('msg').hidden = true;
          load(null);
        }
      }
    })
    .withFailureHandler(function () {})
    .uiSelection();
}
load(D.ref);
var every = window.setInterval.bind(window);
every(poll, D.pollMs || 4000);
