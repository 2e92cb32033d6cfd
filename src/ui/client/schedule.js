/**
 * Schedule a call (src/ui/server/dialogs.ts): the fields each call type needs, checked as
 * the person types; the server checks again (uiScheduleCall) and writes the row as typing would.
 */
/* global D, W, $, el, clear, server, say, showResult, EMAIL */
var F = null;
var PEOPLE = ['clientEmail', 'candidateIds', 'hiredEmployeeEmail', 'teamLeadEmail', 'managerEmail'];
var SHOWN = {
  first: ['clientEmail', 'managerEmail'],
  interview: ['clientEmail', 'candidateIds', 'managerEmail'],
  repeat: ['clientEmail', 'candidateIds', 'managerEmail'],
  intro: ['clientEmail', 'hiredEmployeeEmail', 'teamLeadEmail', 'managerEmail'],
};
$('submit').textContent = W.labelSave;
$('close').textContent = W.labelClose;
$('close').addEventListener('click', function () {
  google.script.host.close();
});
function typeKey() {
  return $('type').value;
}
function req() {
  for (var i = 0; i < F.types.length; i++) if (F.types[i].key === typeKey()) return F.types[i].required;
  return [];
}
function label(k) {
  return F.labels[k] || k;
}
function candIds() {
  var ids = [];
  var boxes = $('cands').querySelectorAll('input:checked');
  for (var i = 0; i < boxes.length; i++) ids.push(boxes[i].value);
  var typed = $('candidateIds').value.split(/[,;\n]+/);
  for (var j = 0; j < typed.length; j++) {
    var t = typed[j].trim();
    if (t && ids.indexOf(t) < 0) ids.push(t);
  }
  return ids;
}
function renderCands() {
  var box = $('cands');
  clear(box);
  var order = $('orderId').value;
  for (var i = 0; i < F.candidates.length; i++) {
    var c = F.candidates[i];
    if (order && c.orderId !== order) continue;
    var d = el('div', 'cand');
    var cb = el('input');
    cb.type = 'checkbox';
    cb.value = c.id;
    cb.id = 'cand_' + i;
    cb.addEventListener('change', validate);
    var l = el('label', null, c.name + ' (' + c.id + ')');
    l.htmlFor = cb.id;
    l.style.display = 'inline';
    l.style.fontWeight = 'normal';
    d.appendChild(cb);
    d.appendChild(l);
    box.appendChild(d);
  }
}
function layout() {
  var shown = SHOWN[typeKey()] || PEOPLE;
  var r = req();
  for (var i = 0; i < PEOPLE.length; i++) {
    var k = PEOPLE[i];
    var row = document.querySelector('[data-for="' + k + '"]');
    row.hidden = shown.indexOf(k) < 0;
    var l = $('l_' + k);
    clear(l);
    l.appendChild(document.createTextNode(label(k)));
    if (r.indexOf(k) >= 0) l.appendChild(el('span', 'req', ' *'));
  }
  validate();
}
function setErr(k, msg) {
  var e = $('e_' + k);
  if (e) e.textContent = msg;
  var i = $(k);
  if (i) i.className = msg ? 'invalid' : '';
}
function validate() {
  var bad = 0,
    r = req();
  var shown = SHOWN[typeKey()] || PEOPLE;
  var s = $('start').value;
  if (!s) {
    setErr('start', W.fieldRequired.replace('{field}', label('start')));
    bad++;
  } else if (s < F.now) {
    setErr('start', W.inPast);
  } else setErr('start', '');
  var d = $('duration').value.trim();
  if (d && !(/^\d+$/.test(d) && +d >= 1 && +d <= 1440)) {
    setErr('duration', W.notNumber.replace('{field}', label('duration')).replace('{min}', '1').replace('{max}', '1440'));
    bad++;
  } else setErr('duration', '');
  for (var i = 0; i < PEOPLE.length; i++) {
    var k = PEOPLE[i];
    if (shown.indexOf(k) < 0) {
      setErr(k, '');
      continue;
    }
    var v = k === 'candidateIds' ? candIds().join(', ') : $(k).value.trim();
    var m = '';
    if (!v && r.indexOf(k) >= 0) m = W.fieldRequired.replace('{field}', label(k));
    else if (v && k !== 'candidateIds' && !EMAIL.test(v)) m = W.notEmail.replace('{field}', label(k));
    setErr(k, m);
    if (m) bad++;
  }
  $('submit').disabled = bad > 0;
  return bad === 0;
}
function values() {
  var v = { type: typeKey(), orderId: $('orderId').value, start: $('start').value, duration: $('duration').value, candidateIds: candIds() };
  for (var i = 0; i < PEOPLE.length; i++) {
    var k = PEOPLE[i];
    if (k !== 'candidateIds') v[k] = $(k).value.trim();
  }
  return v;
}
function init(f) {
  F = f;
  if (!f.allowed) {
    say($('msg'), 'bad', f.reason);
    $('submit').disabled = true;
  }
  var ids = ['type', 'orderId', 'start', 'duration'];
  for (var i = 0; i < ids.length; i++) $('l_' + ids[i]).textContent = ids[i] === 'duration' ? D.durationLabel : label(ids[i]);
  $('l_people').textContent = D.peopleLabel;
  $('zone').textContent = D.zoneLabel.replace('{zone}', f.zone);
  for (i = 0; i < f.types.length; i++) {
    var o = el('option', null, f.types[i].label);
    o.value = f.types[i].key;
    $('type').appendChild(o);
  }
  var none = el('option', null, D.noOrder);
  none.value = '';
  $('orderId').appendChild(none);
  for (i = 0; i < f.orders.length; i++) {
    var o2 = el('option', null, f.orders[i].label);
    o2.value = f.orders[i].id;
    $('orderId').appendChild(o2);
  }
  $('type').value = f.defaults.type;
  $('orderId').value = f.defaults.orderId;
  $('start').value = f.defaults.start;
  $('duration').value = f.defaults.duration;
  $('managerEmail').value = f.defaults.managerEmail;
  $('clientEmail').value = f.defaults.clientEmail;
  renderCands();
  layout();
  $('type').addEventListener('change', layout);
  $('orderId').addEventListener('change', function () {
    for (var i = 0; i < F.orders.length; i++)
      if (F.orders[i].id === $('orderId').value && !$('clientEmail').value) $('clientEmail').value = F.orders[i].clientEmail;
    renderCands();
    validate();
  });
  var inputs = document.querySelectorAll('input,select');
  for (i = 0; i < inputs.length; i++) {
    inputs[i].addEventListener('input', validate);
    inputs[i].addEventListener('change', validate);
  }
}
$('form').addEventListener('submit', function (ev) {
  ev.preventDefault();
  if (!validate()) return;
  server(function (r) {
    showResult(r);
    if (r.ok) {
      $('submit').disabled = true;
    }
  }).uiScheduleCall(values());
});
server(init).uiScheduleForm(D.ref);
