/**
 * Dialogs: Schedule a call (the fields each call type needs, validated as the person types;
 * the server checks again with the Calls rule and writes the row as typing would), Call
 * comment (the type's template as a form), and Outbox and Log (read-only, rendered on the
 * server with every value escaped).
 */
import { Locale, OUTBOX_STATES, findChoice, tabDef, choiceLabel } from '../../core/schema';
import { cellText, isBlank } from '../../core/values';
import { isDate } from '../../core/time';
import { RunContext } from '../../app/context';
import { ui, uiWords, UiKey } from './messages';
import { escapeHtml, page, CSS } from './page';
import { fmtWhen } from './state';
import { columnOf, lastRows, recordsAt, rowsWhere } from './read';
import { queuedEdits } from './rows';

const COMMON: UiKey[] = ['fieldRequired', 'notEmail', 'notNumber', 'notDateTime', 'inPast', 'labelSave', 'labelClose', 'labelNone'];

// ---------------------------------------------------------------------------------------
// Schedule a call

const SCHEDULE_BODY = `
<div id="msg" class="msg" hidden></div>
<form id="form" novalidate>
  <div class="row">
    <div><label for="type" id="l_type"></label><select id="type" name="type"></select></div>
    <div><label for="orderId" id="l_orderId"></label><select id="orderId" name="orderId"></select></div>
  </div>
  <div class="row">
    <div><label for="start" id="l_start"></label><input id="start" name="start" type="datetime-local"><div class="hint" id="zone"></div><div class="err" id="e_start"></div></div>
    <div><label for="duration" id="l_duration"></label><input id="duration" name="duration" type="number" min="1" max="1440" step="1"><div class="err" id="e_duration"></div></div>
  </div>
  <fieldset><legend id="l_people"></legend>
    <div data-for="clientEmail"><label for="clientEmail" id="l_clientEmail"></label><input id="clientEmail" name="clientEmail" type="email"><div class="err" id="e_clientEmail"></div></div>
    <div data-for="candidateIds"><label id="l_candidateIds"></label><div id="cands"></div><input id="candidateIds" name="candidateIds" type="text" placeholder="C-1, C-2"><div class="err" id="e_candidateIds"></div></div>
    <div data-for="hiredEmployeeEmail"><label for="hiredEmployeeEmail" id="l_hiredEmployeeEmail"></label><input id="hiredEmployeeEmail" name="hiredEmployeeEmail" type="email"><div class="err" id="e_hiredEmployeeEmail"></div></div>
    <div data-for="teamLeadEmail"><label for="teamLeadEmail" id="l_teamLeadEmail"></label><input id="teamLeadEmail" name="teamLeadEmail" type="email"><div class="err" id="e_teamLeadEmail"></div></div>
    <div data-for="managerEmail"><label for="managerEmail" id="l_managerEmail"></label><input id="managerEmail" name="managerEmail" type="email"><div class="err" id="e_managerEmail"></div></div>
  </fieldset>
  <button id="submit" class="primary" type="submit"></button> <button id="close" type="button"></button>
</form>`;

const SCHEDULE_SCRIPT = `
var F=null;var PEOPLE=['clientEmail','candidateIds','hiredEmployeeEmail','teamLeadEmail','managerEmail'];
var SHOWN={first:['clientEmail','managerEmail'],interview:['clientEmail','candidateIds','managerEmail'],repeat:['clientEmail','candidateIds','managerEmail'],intro:['clientEmail','hiredEmployeeEmail','teamLeadEmail','managerEmail']};
$('submit').textContent=W.labelSave;$('close').textContent=W.labelClose;
$('close').addEventListener('click',function(){google.script.host.close();});
function typeKey(){return $('type').value;}
function req(){for(var i=0;i<F.types.length;i++)if(F.types[i].key===typeKey())return F.types[i].required;return [];}
function label(k){return F.labels[k]||k;}
function candIds(){var ids=[];var boxes=$('cands').querySelectorAll('input:checked');for(var i=0;i<boxes.length;i++)ids.push(boxes[i].value);var typed=$('candidateIds').value.split(/[,;\\n]+/);for(var j=0;j<typed.length;j++){var t=typed[j].trim();if(t&&ids.indexOf(t)<0)ids.push(t);}return ids;}
function renderCands(){var box=$('cands');clear(box);var order=$('orderId').value;for(var i=0;i<F.candidates.length;i++){var c=F.candidates[i];if(order&&c.orderId!==order)continue;var d=el('div','cand');var cb=el('input');cb.type='checkbox';cb.value=c.id;cb.id='cand_'+i;cb.addEventListener('change',validate);var l=el('label',null,c.name+' ('+c.id+')');l.htmlFor=cb.id;l.style.display='inline';l.style.fontWeight='normal';d.appendChild(cb);d.appendChild(l);box.appendChild(d);}}
function layout(){var shown=SHOWN[typeKey()]||PEOPLE;var r=req();for(var i=0;i<PEOPLE.length;i++){var k=PEOPLE[i];var row=document.querySelector('[data-for="'+k+'"]');row.hidden=shown.indexOf(k)<0;var l=$('l_'+k);clear(l);l.appendChild(document.createTextNode(label(k)));if(r.indexOf(k)>=0)l.appendChild(el('span','req',' *'));}validate();}
function setErr(k,msg){var e=$('e_'+k);if(e)e.textContent=msg;var i=$(k);if(i)i.className=msg?'invalid':'';}
function validate(){var bad=0,r=req();var shown=SHOWN[typeKey()]||PEOPLE;
var s=$('start').value;if(!s){setErr('start',W.fieldRequired.replace('{field}',label('start')));bad++;}else if(s<F.now){setErr('start',W.inPast);}else setErr('start','');
var d=$('duration').value.trim();if(d&&!(/^\\d+$/.test(d)&&+d>=1&&+d<=1440)){setErr('duration',W.notNumber.replace('{field}',label('duration')).replace('{min}','1').replace('{max}','1440'));bad++;}else setErr('duration','');
for(var i=0;i<PEOPLE.length;i++){var k=PEOPLE[i];if(shown.indexOf(k)<0){setErr(k,'');continue;}var v=k==='candidateIds'?candIds().join(', '):$(k).value.trim();var m='';if(!v&&r.indexOf(k)>=0)m=W.fieldRequired.replace('{field}',label(k));else if(v&&k!=='candidateIds'&&!EMAIL.test(v))m=W.notEmail.replace('{field}',label(k));setErr(k,m);if(m)bad++;}
$('submit').disabled=bad>0;return bad===0;}
function values(){var v={type:typeKey(),orderId:$('orderId').value,start:$('start').value,duration:$('duration').value,candidateIds:candIds()};for(var i=0;i<PEOPLE.length;i++){var k=PEOPLE[i];if(k!=='candidateIds')v[k]=$(k).value.trim();}return v;}
function init(f){F=f;if(!f.allowed){say($('msg'),'bad',f.reason);$('submit').disabled=true;}
var ids=['type','orderId','start','duration'];for(var i=0;i<ids.length;i++)$('l_'+ids[i]).textContent=ids[i]==='duration'?D.durationLabel:label(ids[i]);$('l_people').textContent=D.peopleLabel;$('zone').textContent=D.zoneLabel.replace('{zone}',f.zone);
for(var i=0;i<f.types.length;i++){var o=el('option',null,f.types[i].label);o.value=f.types[i].key;$('type').appendChild(o);}
var none=el('option',null,D.noOrder);none.value='';$('orderId').appendChild(none);for(var i=0;i<f.orders.length;i++){var o2=el('option',null,f.orders[i].label);o2.value=f.orders[i].id;$('orderId').appendChild(o2);}
$('type').value=f.defaults.type;$('orderId').value=f.defaults.orderId;$('start').value=f.defaults.start;$('duration').value=f.defaults.duration;$('managerEmail').value=f.defaults.managerEmail;$('clientEmail').value=f.defaults.clientEmail;
renderCands();layout();
$('type').addEventListener('change',layout);
$('orderId').addEventListener('change',function(){for(var i=0;i<F.orders.length;i++)if(F.orders[i].id===$('orderId').value&&!$('clientEmail').value)$('clientEmail').value=F.orders[i].clientEmail;renderCands();validate();});
var inputs=document.querySelectorAll('input,select');for(var i=0;i<inputs.length;i++){inputs[i].addEventListener('input',validate);inputs[i].addEventListener('change',validate);}}
$('form').addEventListener('submit',function(ev){ev.preventDefault();if(!validate())return;call('uiScheduleCall',[values()],function(r){showResult(r);if(r.ok){$('submit').disabled=true;}});});
call('uiScheduleForm',[D.ref],init);
`;

export function schedulePage(locale: Locale, ref: unknown): string {
  return page({
    locale,
    title: ui(locale, 'scheduleTitle'),
    body: SCHEDULE_BODY,
    script: SCHEDULE_SCRIPT,
    data: {
      ref: ref ?? null,
      durationLabel: ui(locale, 'labelDuration'),
      peopleLabel: ui(locale, 'labelPeople'),
      zoneLabel: ui(locale, 'labelZone'),
      noOrder: ui(locale, 'labelNoOrder'),
    },
    words: uiWords(locale, COMMON),
  });
}

// ---------------------------------------------------------------------------------------
// Call comment

const COMMENT_BODY = `
<div id="msg" class="msg" hidden></div>
<h1 id="title"></h1><div class="muted" id="type"></div>
<form id="form" novalidate><div id="fields"></div>
<button id="submit" class="primary" type="submit"></button> <button id="close" type="button"></button></form>`;

const COMMENT_SCRIPT = `
var C=null,inputs=[];
$('submit').textContent=W.labelSave;$('close').textContent=W.labelClose;
$('close').addEventListener('click',function(){google.script.host.close();});
function add(key,labelText,value,required,multi,hint,group){var box=$('fields');var l=el('label',null,labelText);if(required)l.appendChild(el('span','req',' *'));l.htmlFor='c_'+inputs.length;box.appendChild(l);var i=el(multi?'textarea':'input');if(!multi)i.type='text';i.id='c_'+inputs.length;i.value=value||'';if(hint)i.placeholder=hint;box.appendChild(i);var e=el('div','err');box.appendChild(e);var item={key:key,group:group,input:i,err:e,required:required,label:labelText};inputs.push(item);i.addEventListener('input',validate);return item;}
function nextDateOk(v){return /(\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4}-\\d{1,2}-\\d{1,2})/.test(v)||/keep\\s+in\\s+touch|by\\s+e-?mail|на\\s+связи|по\\s+(эл\\.?\\s*)?почте/i.test(v);}
function validate(){var bad=0;for(var i=0;i<inputs.length;i++){var it=inputs[i],v=it.input.value.trim(),m='';if(!v&&it.required)m=W.fieldRequired.replace('{field}',it.label);else if(v&&it.key==='nextContactDate'&&!nextDateOk(v))m=D.dateHint;it.err.textContent=m;it.input.className=m?'invalid':'';if(m)bad++;}$('submit').disabled=bad>0||!C.allowed;return bad===0;}
function values(){var v={fields:{},summaries:{}};for(var i=0;i<inputs.length;i++){var it=inputs[i];if(it.group==='fields')v.fields[it.key]=it.input.value;else if(it.group==='summaries')v.summaries[it.key]=it.input.value;else v[it.key]=it.input.value;}return v;}
function init(c){C=c;$('title').textContent=c.title;$('type').textContent=c.typeLabel;if(!c.allowed)say($('msg'),'bad',c.reason);
if(c.type==='first'){for(var i=0;i<c.fields.length;i++){var f=c.fields[i];add(f.key,f.label,f.value,f.required,false,f.hint,'fields');}}
else if(c.type==='interview'){$('fields').appendChild(el('div','muted','Today we interviewed:'));if(!c.candidates.length)$('fields').appendChild(el('div','err',D.noCandidates));for(var j=0;j<c.candidates.length;j++){var k=c.candidates[j];add(k.id,(k.name||k.id)+' ('+k.id+')',k.summary,true,true,'','summaries');}add('results',D.resultsLabel,c.results,true,true,'','');add('sm','SM',c.sm,true,false,'','');}
else if(c.type==='intro'){add('messenger',D.messengerLabel,c.messenger,true,false,'Telegram / WhatsApp / …','');add('notes',D.notesLabel,c.notes,false,true,'','');}
else{if(c.type)$('fields').appendChild(el('div','muted',D.noTemplate));add('text',D.commentLabel,c.text,true,true,'','');}
validate();}
$('form').addEventListener('submit',function(ev){ev.preventDefault();if(!validate())return;call('uiSaveComment',[C.ref,values()],function(r){showResult(r);});});
call('uiCommentForm',[D.ref],init,function(e){showError(e);$('submit').disabled=true;});
`;

export function commentPage(locale: Locale, ref: unknown): string {
  return page({
    locale,
    title: ui(locale, 'commentTitle'),
    body: COMMENT_BODY,
    script: COMMENT_SCRIPT,
    data: {
      ref: ref ?? null,
      resultsLabel: ui(locale, 'labelInterviewResults'),
      messengerLabel: ui(locale, 'labelMessenger'),
      notesLabel: ui(locale, 'labelNotes'),
      commentLabel: ui(locale, 'labelComment'),
      noTemplate: ui(locale, 'commentNoTemplate'),
      noCandidates: ui(locale, 'labelCandidates') + ': ' + ui(locale, 'labelNone'),
      dateHint:
        locale === 'en'
          ? 'Next Contact Date: a date (yyyy-mm-dd or dd.mm.yyyy) or “keep in touch by email”.'
          : 'Next Contact Date: дата (дд.мм.гггг) или «keep in touch by email».',
    },
    words: uiWords(locale, COMMON),
  });
}

// ---------------------------------------------------------------------------------------
// Outbox and Log (server-rendered, read-only)

export function outboxPage(ctx: RunContext): string {
  const L = ctx.locale;
  // The State column tells the counts; only the waiting and failed rows are read.
  const states = columnOf(ctx, 'outbox', 'state').map((v) => findChoice(OUTBOX_STATES, cellText(v))?.key ?? (cellText(v) ? 'other' : 'pending'));
  const keys = columnOf(ctx, 'outbox', 'key');
  const counts = new Map<string, number>();
  states.forEach((key, i) => {
    if (isBlank(keys[i])) return;
    const choice = OUTBOX_STATES.find((s) => s.key === key);
    const label = choice ? choiceLabel(choice, L) : key;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  });
  const pending = rowsWhere(
    ctx,
    'outbox',
    'state',
    (v) => (findChoice(OUTBOX_STATES, cellText(v))?.key ?? 'pending') === 'pending' && !isBlank(v),
    200,
  );
  const failed = rowsWhere(ctx, 'outbox', 'state', (v) => findChoice(OUTBOX_STATES, cellText(v))?.key === 'failed', 20);
  const outbox = pending.tab;
  const due = (r: Record<string, unknown>) => (isDate(r.due) ? r.due.getTime() : 0);
  const upcoming = recordsAt(outbox, pending.indexes).sort((a, b) => due(a) - due(b));
  const col = (key: string) => tabDef('outbox').columns.find((c) => c.key === key)![L];
  const table = (rows: Array<Record<string, unknown>>, keys_: string[]) =>
    rows.length === 0
      ? `<p class="muted">${escapeHtml(ui(L, 'labelNone'))}</p>`
      : `<table><tr>${keys_.map((k) => `<th>${escapeHtml(col(k))}</th>`).join('')}</tr>${rows
          .map((r) => `<tr>${keys_.map((k) => `<td>${escapeHtml(fmtWhen(ctx, r[k]))}</td>`).join('')}</tr>`)
          .join('')}</table>`;
  const log = lastRows(ctx, 'log', 20);
  const logDef = tabDef('log').columns;
  const logKeys = ['time', 'user', 'tab', 'rowKey', 'action', 'details'];
  const logRecords = recordsAt(log.tab, log.indexes).reverse();
  const logTable =
    logRecords.length === 0
      ? `<p class="muted">${escapeHtml(ui(L, 'labelNone'))}</p>`
      : `<table><tr>${logKeys.map((k) => `<th>${escapeHtml(logDef.find((c) => c.key === k)![L])}</th>`).join('')}</tr>${logRecords
          .map((r) => `<tr>${logKeys.map((k) => `<td>${escapeHtml(fmtWhen(ctx, r[k]))}</td>`).join('')}</tr>`)
          .join('')}</table>`;
  const queue = queuedEdits().map(
    (q) =>
      `<li>${escapeHtml(`${fmtWhen(ctx, new Date(q.entry.at))} · ${q.entry.user} · ${q.entry.label} · ${q.entry.id || `#${q.entry.row}`}`)}</li>`,
  );
  const body = [
    `<h1>${escapeHtml(ui(L, 'outboxTitle'))}</h1>`,
    `<h2>${escapeHtml(ui(L, 'labelOutboxState'))}</h2>`,
    counts.size
      ? `<p>${[...counts.entries()].map(([k, v]) => `<span class="pill">${escapeHtml(k)}: ${v}</span>`).join(' ')}</p>`
      : `<p class="muted">${escapeHtml(ui(L, 'labelNone'))}</p>`,
    `<h2>${escapeHtml(ui(L, 'labelUpcoming'))}</h2>`,
    table(upcoming.slice(0, 20), ['due', 'recipient', 'subject', 'key']),
    `<h2>${escapeHtml(ui(L, 'labelFailed'))}</h2>`,
    table(recordsAt(failed.tab, failed.indexes), ['due', 'recipient', 'subject', 'lastError']),
    queue.length ? `<h2>${escapeHtml(ui(L, 'labelQueue'))}</h2><ul>${queue.join('')}</ul>` : '',
    `<h2>${escapeHtml(ui(L, 'labelLastLog'))}</h2>`,
    logTable,
  ].join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${L}"><head><meta charset="utf-8"><title>${escapeHtml(ui(L, 'outboxTitle'))}</title>`,
    `<style>${CSS}table{border-collapse:collapse;width:100%;font-size:12px}th,td{border-bottom:1px solid #eee;text-align:left;padding:3px 4px;vertical-align:top}th{color:#5f6368}</style></head>`,
    `<body>${body}</body></html>`,
  ].join('\n');
}
