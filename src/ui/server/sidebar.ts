/**
 * The sidebar: for the active Orders, HR agreements or Calls row, its status, a checklist of
 * what is missing, the waiting edits, reminders, events and Log lines, and the actions this
 * person may take. It reads and acts only through google.script.run (uiSidebarState,
 * uiHandOff, uiAskHr, uiAnswerHr, uiMarkCallDone, menuCallComment, menuScheduleCall) and
 * follows the person's selection by polling uiSelection.
 */
import { Locale } from '../../core/schema';
import { ui, uiWords, UiKey } from './messages';
import { page } from './page';

const WORDS: UiKey[] = [
  'labelStatus',
  'labelChecklist',
  'labelProblems',
  'labelReminders',
  'labelEvents',
  'labelLog',
  'labelActions',
  'labelNone',
  'labelUser',
  'labelRefresh',
  'labelRow',
  'labelPending',
  'labelSend',
  'labelCancel',
  'fieldRequired',
  'notEmail',
  'notNumber',
];

const BODY = `
<div class="bar"><span id="who" class="muted"></span><button id="refresh" type="button"></button></div>
<div id="msg" class="msg" hidden></div>
<div id="main"></div>`;

const SCRIPT = `
var state=null;
$('refresh').textContent=W.labelRefresh;
$('refresh').addEventListener('click',function(){load(state&&state.ref);});
function section(title){var s=el('section');s.appendChild(el('h2',null,title));$('main').appendChild(s);return s;}
function lines(title,items){var s=section(title);if(!items.length){s.appendChild(el('div','muted',W.labelNone));return;}for(var i=0;i<items.length;i++){var it=items[i],d=el('div','line');var top=el('div');if(it.when)top.appendChild(el('span','when',it.when+'  '));top.appendChild(el('span',null,it.text));if(it.state){top.appendChild(el('span',null,'  '));top.appendChild(el('span','pill',it.state));}d.appendChild(top);if(it.note)d.appendChild(el('div','muted',it.note));s.appendChild(d);}}
function render(s){state=s;var m=$('main');clear(m);$('who').textContent=W.labelUser+': '+s.user+(s.department?' · '+s.department:'');
if(!s.ref){m.appendChild(el('p','muted',s.hint));return;}
m.appendChild(el('div','muted',s.tabLabel+' · '+W.labelRow+' '+s.ref.row));
m.appendChild(el('h1',null,s.title||s.ref.id||('#'+s.ref.row)));
var st=el('div');st.appendChild(el('span','muted',W.labelStatus+': '));st.appendChild(el('span','pill '+s.statusTone,s.status||'—'));m.appendChild(st);
if(s.pending.length){var pb=el('div','msg info');for(var i=0;i<s.pending.length;i++)pb.appendChild(el('div',null,s.pending[i]));m.appendChild(pb);}
var c=section(W.labelChecklist),ul=el('ul');for(var i=0;i<s.checklist.length;i++){var it=s.checklist[i],li=el('li',it.ok?'ok':'no',it.label);if(!it.ok&&it.detail&&it.detail!==it.label)li.appendChild(el('span','detail',it.detail));ul.appendChild(li);}c.appendChild(ul);
if(s.problems.length){var p=section(W.labelProblems),pl=el('ul');for(var i=0;i<s.problems.length;i++)pl.appendChild(el('li','no',s.problems[i]));p.appendChild(pl);}
var a=section(W.labelActions);for(var i=0;i<s.actions.length;i++)a.appendChild(actionView(s.actions[i]));
lines(W.labelReminders,s.reminders);lines(W.labelEvents,s.events);lines(W.labelLog,s.log);}
function actionView(act){var box=el('div','action');box.setAttribute('data-action',act.id);var b=el('button',act.allowed?'primary':'',act.label);b.type='button';b.disabled=!act.allowed;box.appendChild(b);if(!act.allowed&&act.reason)box.appendChild(el('span','why',act.reason));
b.addEventListener('click',function(){if(act.fields){if(box.querySelector('form'))return;var f=buildForm(act.fields,W.labelSend,function(v){run(act.id,v);});box.appendChild(f);var first=f.querySelector('input,select,textarea');if(first)first.focus();}else run(act.id);});return box;}
var FN={handOff:'uiHandOff',askHr:'uiAskHr',answerHr:'uiAnswerHr',markDone:'uiMarkCallDone',comment:'menuCallComment',schedule:'menuScheduleCall',agreedEdit:'uiEditAgreedMail',agreedCancel:'uiCancelAgreedMail'};
function run(id,values){var ref=state&&state.ref;var args=values?[ref,values]:[ref];call(FN[id],args,function(r){if(r&&r.state){showResult(r);render(r.state);}else if(r&&r.message){showResult(r);}});}
function load(ref){call('uiSidebarState',[ref||null],function(s){render(s);});}
var lastSel='';
function poll(){if(document.hidden)return;google.script.run.withSuccessHandler(function(sel){var key=sel.sheet+'!'+sel.row;if(key!==lastSel){lastSel=key;if(!state||!state.ref||state.ref.sheet!==sel.sheet||state.ref.row!==sel.row){$('msg').hidden=true;load(null);}}}).withFailureHandler(function(){}).uiSelection();}
load(D.ref);
var every=window.setInterval.bind(window);every(poll,D.pollMs||4000);
`;

export function sidebarPage(locale: Locale, ref: unknown, pollMs = 4000): string {
  return page({
    locale,
    title: ui(locale, 'sidebarTitle'),
    body: BODY,
    script: SCRIPT,
    data: { ref: ref ?? null, pollMs },
    words: uiWords(locale, WORDS),
  });
}
