/**
 * One self-contained HTML page (the bundle is a single Code.js, so pages are strings):
 * inline style and script, no external scripts, fonts or images. Data for the page is
 * embedded as JSON with <, >, & and line separators escaped; the page builds its DOM
 * with textContent only, so nothing that came from a cell is ever parsed as HTML.
 */
import { Locale } from '../../core/schema';

export function escapeHtml(text: unknown): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** JSON safe inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export const CSS = `
*{box-sizing:border-box}
body{font:13px/1.4 -apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#202124;margin:0;padding:10px;background:#fff}
h1{font-size:15px;margin:0 0 4px}
h2{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#5f6368;margin:14px 0 4px;border-bottom:1px solid #e0e0e0;padding-bottom:2px}
.muted{color:#5f6368;font-size:12px}
.pill{display:inline-block;border-radius:10px;padding:1px 8px;font-size:12px;background:#e8eaed}
.pill.ok{background:#ceead6;color:#0d652d}.pill.warn{background:#feefc3;color:#7a4f01}.pill.bad{background:#fad2cf;color:#a50e0e}
ul{margin:2px 0;padding-left:0;list-style:none}
li{margin:3px 0}
li.ok::before{content:"\\2713  ";color:#188038;font-weight:bold}
li.no::before{content:"\\2717  ";color:#d93025;font-weight:bold}
li .detail{display:block;color:#5f6368;font-size:12px;margin-left:16px}
.line{border-left:3px solid #dadce0;padding-left:6px;margin:4px 0}
.line .when{color:#5f6368;font-size:12px}
.msg{border-radius:4px;padding:6px 8px;margin:6px 0}
.msg.ok{background:#e6f4ea;color:#0d652d}.msg.bad{background:#fce8e6;color:#a50e0e}.msg.info{background:#e8f0fe;color:#174ea6}
.msg ul{padding-left:14px;list-style:disc}
button{font:inherit;border:1px solid #dadce0;background:#fff;border-radius:4px;padding:5px 10px;cursor:pointer;margin:2px 4px 2px 0}
button.primary{background:#1a73e8;border-color:#1a73e8;color:#fff}
button:disabled{opacity:.5;cursor:default}
.action{margin:4px 0}
.action .why{display:block;color:#5f6368;font-size:12px}
label{display:block;margin:6px 0 2px;font-weight:500}
label .req{color:#d93025}
input,select,textarea{font:inherit;width:100%;padding:4px 6px;border:1px solid #dadce0;border-radius:4px}
textarea{min-height:48px;resize:vertical}
input.invalid,select.invalid,textarea.invalid{border-color:#d93025}
.err{color:#d93025;font-size:12px;min-height:0}
.hint{color:#5f6368;font-size:12px}
.row{display:flex;gap:8px}.row>div{flex:1}
fieldset{border:1px solid #e0e0e0;border-radius:4px;margin:6px 0;padding:4px 8px}
.busy{position:fixed;top:0;left:0;right:0;height:3px;background:#1a73e8;display:none}
body.working .busy{display:block}
.bar{display:flex;justify-content:space-between;align-items:center}
.cand{margin:2px 0}.cand input{width:auto;margin-right:6px}
`;

/** Helpers every page shares (plain ES5 in the browser; no template literals). */
export const CLIENT = `
function $(id){return document.getElementById(id);}
function el(tag,cls,text){var e=document.createElement(tag);if(cls)e.className=cls;if(text!==undefined&&text!==null)e.textContent=String(text);return e;}
function clear(n){while(n.firstChild)n.removeChild(n.firstChild);}
function busy(on){document.body.className=on?'working':'';}
function call(fn,args,ok,fail){busy(true);var r=google.script.run.withSuccessHandler(function(x){busy(false);ok(x);}).withFailureHandler(function(e){busy(false);(fail||showError)(e);});r[fn].apply(r,args||[]);}
function say(box,kind,message,details){clear(box);box.className='msg '+kind;box.appendChild(el('div',null,message));if(details&&details.length){var ul=el('ul');for(var i=0;i<details.length;i++)ul.appendChild(el('li',null,details[i]));box.appendChild(ul);}box.hidden=false;}
function showError(e){say($('msg'),'bad',(e&&e.message)||String(e));}
function showResult(r){say($('msg'),r.ok?'ok':'bad',r.message,r.details);}
var EMAIL=/^[^\\s@<>()",;]+@[^\\s@<>()",;]+\\.[A-Za-z]{2,}$/;
function fieldInput(f){var i;if(f.type==='longtext'){i=el('textarea');}else if(f.type==='list'){i=el('select');var o=el('option',null,'');o.value='';i.appendChild(o);for(var k=0;k<(f.choices||[]).length;k++){var c=el('option',null,f.choices[k]);c.value=f.choices[k];i.appendChild(c);}}else{i=el('input');i.type=f.type==='integer'?'number':f.type==='date'?'date':f.type==='email'?'email':'text';if(f.type==='integer'){i.min='0';i.step='1';}}i.name=f.key;i.id='f_'+f.key;i.value=f.value||'';return i;}
function fieldProblem(f,value,all){var v=(value||'').trim();var req=f.required||(f.requiredIf&&(all[f.requiredIf.key]||'')===f.requiredIf.value);if(!v)return req?W.fieldRequired.replace('{field}',f.label):'';if(f.type==='integer'&&!/^\\d+$/.test(v))return W.notNumber.replace('{field}',f.label).replace('{min}','0').replace('{max}','100000');if(f.type==='email'&&!EMAIL.test(v))return W.notEmail.replace('{field}',f.label);return '';}
function buildForm(fields,submitLabel,onSubmit){var form=el('form');form.noValidate=true;var inputs={},errs={};for(var k=0;k<fields.length;k++){(function(f){var l=el('label',null,f.label);if(f.required){var s=el('span','req',' *');l.appendChild(s);}l.htmlFor='f_'+f.key;form.appendChild(l);var i=fieldInput(f);inputs[f.key]=i;form.appendChild(i);var e=el('div','err');errs[f.key]=e;form.appendChild(e);i.addEventListener('input',check);i.addEventListener('change',check);})(fields[k]);}var btn=el('button','primary',submitLabel);btn.type='submit';form.appendChild(btn);function values(){var v={};for(var k in inputs)v[k]=inputs[k].value;return v;}function check(){var v=values(),bad=0;for(var k=0;k<fields.length;k++){var f=fields[k];var p=fieldProblem(f,v[f.key],v);errs[f.key].textContent=p;inputs[f.key].className=p?'invalid':'';if(p)bad++;}btn.disabled=bad>0;return bad===0;}form.addEventListener('submit',function(ev){ev.preventDefault();if(check())onSubmit(values());});check();return form;}
`;

export interface PageOptions {
  locale: Locale;
  title: string;
  body: string;
  /** The page's own script (ES5, uses CLIENT helpers, D for data and W for words). */
  script: string;
  data: unknown;
  words: Record<string, string>;
}

export function page(o: PageOptions): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${o.locale}"><head><meta charset="utf-8"><base target="_top">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(o.title)}</title><style>${CSS}</style></head>`,
    `<body><div class="busy"></div>${o.body}`,
    `<script>var D=${scriptJson(o.data)};var W=${scriptJson(o.words)};${CLIENT}${o.script}</script>`,
    '</body></html>',
  ].join('\n');
}
