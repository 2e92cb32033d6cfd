/**
 * Call comment (src/ui/server/dialogs.ts): the call type's template as a form, checked as the
 * person types; uiSaveComment checks it again with the Calls rule.
 */
/* global D, W, $, el, server, say, showError, showResult */
var C = null,
  inputs = [];
$('submit').textContent = W.labelSave;
$('close').textContent = W.labelClose;
$('close').addEventListener('click', function () {
  google.script.host.close();
});
function add(key, labelText, value, required, multi, hint, group) {
  var box = $('fields');
  var l = el('label', null, labelText);
  if (required) l.appendChild(el('span', 'req', ' *'));
  l.htmlFor = 'c_' + inputs.length;
  box.appendChild(l);
  var i = el(multi ? 'textarea' : 'input');
  if (!multi) i.type = 'text';
  i.id = 'c_' + inputs.length;
  i.value = value || '';
  if (hint) i.placeholder = hint;
  box.appendChild(i);
  var e = el('div', 'err');
  box.appendChild(e);
  var item = { key: key, group: group, input: i, err: e, required: required, label: labelText };
  inputs.push(item);
  i.addEventListener('input', validate);
  return item;
}
function nextDateOk(v) {
  return /(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{1,2}-\d{1,2})/.test(v) || /keep\s+in\s+touch|by\s+e-?mail|на\s+связи|по\s+(эл\.?\s*)?почте/i.test(v);
}
function validate() {
  var bad = 0;
  for (var i = 0; i < inputs.length; i++) {
    var it = inputs[i],
      v = it.input.value.trim(),
      m = '';
    if (!v && it.required) m = W.fieldRequired.replace('{field}', it.label);
    else if (v && it.key === 'nextContactDate' && !nextDateOk(v)) m = D.dateHint;
    it.err.textContent = m;
    it.input.className = m ? 'invalid' : '';
    if (m) bad++;
  }
  $('submit').disabled = bad > 0 || !C.allowed;
  return bad === 0;
}
function values() {
  var v = { fields: {}, summaries: {} };
  if (C && C.type === 'interview') v.feedback = {};
  for (var i = 0; i < inputs.length; i++) {
    var it = inputs[i];
    if (it.group === 'fields') v.fields[it.key] = it.input.value;
    else if (it.group === 'summaries') v.summaries[it.key] = it.input.value;
    else if (it.group === 'feedback') v.feedback[it.key] = it.input.value;
    else v[it.key] = it.input.value;
  }
  return v;
}
function init(c) {
  C = c;
  $('title').textContent = c.title;
  $('type').textContent = c.typeLabel;
  if (!c.allowed) say($('msg'), 'bad', c.reason);
  if (c.type === 'first') {
    for (var i = 0; i < c.fields.length; i++) {
      var f = c.fields[i];
      add(f.key, f.label, f.value, f.required, false, f.hint, 'fields');
    }
  } else if (c.type === 'interview') {
    $('fields').appendChild(el('div', 'muted', 'Today we interviewed:'));
    if (!c.candidates.length) $('fields').appendChild(el('div', 'err', D.noCandidates));
    for (var j = 0; j < c.candidates.length; j++) {
      var k = c.candidates[j];
      add(k.id, (k.name || k.id) + ' (' + k.id + ')', k.summary, true, true, '', 'summaries');
    }
    add('results', D.resultsLabel, c.resultsOnly === undefined ? c.results : c.resultsOnly, false, true, '', '');
    // The client's feedback on each candidate (seed 003): a line each in the results, and on Candidates.
    for (var n = 0; n < c.candidates.length; n++) {
      var q = c.candidates[n];
      add(q.id, D.feedbackLabel + ': ' + (q.name || q.id) + ' (' + q.id + ')', q.feedback, true, true, '', 'feedback');
    }
    add('sm', 'SM', c.sm, true, false, '', '');
  } else if (c.type === 'intro') {
    add('messenger', D.messengerLabel, c.messenger, true, false, 'Telegram / WhatsApp / …', '');
    add('notes', D.notesLabel, c.notes, false, true, '', '');
  } else {
    if (c.type) $('fields').appendChild(el('div', 'muted', D.noTemplate));
    add('text', D.commentLabel, c.text, true, true, '', '');
  }
  validate();
}
$('form').addEventListener('submit', function (ev) {
  ev.preventDefault();
  if (!validate()) return;
  server(function (r) {
    showResult(r);
  }).uiSaveComment(C.ref, values());
});
server(init, function (e) {
  showError(e);
  $('submit').disabled = true;
}).uiCommentForm(D.ref);
