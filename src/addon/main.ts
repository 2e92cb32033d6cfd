/**
 * Entry points of the Workspace add-on (build/addon/Code.js; manifest addon/appsscript.json).
 * Each only wires: it opens the workbook as the signed-in person (context.ts), builds a card
 * (callCard, clientCard, myDay) or runs an action, and turns a refusal into a notification
 * that leaves the card as the person filled it (nothing typed is lost).
 */
import { callByEvent, callById, callCard, noCallCard, saveCall } from './callCard';
import { clientCard, Mail, noOrderCard, orderOfMail, recordPayment, scheduleCard, submitSchedule } from './clientCard';
import { AddonRun, AddonStop, isRefusal, openAddon } from './context';
import { AddonEventObject, inputsOf, paramsOf } from './inputs';
import { myDayCard } from './myDay';
import { say } from './text';
import { messageCard, respond } from './widgets';

type Card = GoogleAppsScript.Card_Service.Card;
type Response = GoogleAppsScript.Card_Service.ActionResponse;

function cardFor(build: (run: AddonRun) => Card): Card {
  try {
    return build(openAddon());
  } catch (e) {
    if (e instanceof AddonStop || isRefusal(e)) return messageCard(say('ru', 'appName'), (e as Error).message);
    throw e;
  }
}

function act(work: (run: AddonRun) => Response): Response {
  let run: AddonRun;
  try {
    run = openAddon();
  } catch (e) {
    if (e instanceof AddonStop) return respond((e as Error).message);
    throw e;
  }
  try {
    return work(run);
  } catch (e) {
    if (!isRefusal(e)) throw e;
    // No navigation: the card stays as the person filled it.
    return respond([e.message, ...e.details.filter((d) => e.message.indexOf(d) < 0)].join(' '));
  }
}

/** Homepage in Calendar, Gmail and Sheets: "my day". */
export function addonHomepage(_e?: AddonEventObject): Card {
  return cardFor((run) => myDayCard(run));
}

/** Calendar eventOpenTrigger: the call's card. */
export function addonCalendarEventOpen(e: AddonEventObject): Card {
  return cardFor((run) => {
    const id = (e && e.calendar && e.calendar.id) || '';
    const at = callByEvent(run, id);
    if (!at) return noCallCard(run);
    const meet = ((e.calendar && e.calendar.conferenceData && e.calendar.conferenceData.entryPoints) || []).find(
      (p) => p.entryPointType === 'video',
    );
    return callCard(run, at, (meet && meet.uri) || '');
  });
}

function currentMail(e: AddonEventObject): Mail {
  const g = (e && e.gmail) || {};
  GmailApp.setCurrentMessageAccessToken(g.accessToken || '');
  const message = GmailApp.getMessageById(g.messageId || '');
  return { messageId: g.messageId || '', from: message.getFrom(), subject: message.getSubject() };
}

/** Gmail contextual trigger: the client's card. */
export function addonGmailMessageOpen(e: AddonEventObject): Card {
  return cardFor((run) => {
    const mail = currentMail(e);
    const at = orderOfMail(run, mail);
    return at ? clientCard(run, at, mail) : noOrderCard(run, mail);
  });
}

function saveAndShow(e: AddonEventObject, markDone: boolean): Response {
  return act((run) => {
    const callId = paramsOf(e).callId || '';
    const saved = saveCall(run, callId, inputsOf(e), markDone);
    const fresh = openAddon();
    const at = callById(fresh, callId);
    return respond(saved.message, at ? callCard(fresh, at) : undefined);
  });
}

/** The call card's Save: the comment (and the Interview outcome) as the person would type them. */
export function addonSaveCall(e: AddonEventObject): Response {
  return saveAndShow(e, false);
}

/** The call card's Save and mark done: the same, with Status Done (the sheet's rights and checks). */
export function addonMarkCallDone(e: AddonEventObject): Response {
  return saveAndShow(e, true);
}

/** The client card's Record payment received (the mail's link as the payment document). */
export function addonRecordPayment(e: AddonEventObject): Response {
  return act((run) => {
    const p = paramsOf(e);
    const out = recordPayment(run, p.orderId || '', inputsOf(e));
    const fresh = openAddon();
    const mail = currentMail(e);
    const at = orderOfMail(fresh, mail);
    return respond(out.message, at ? clientCard(fresh, at, mail) : undefined);
  });
}

/** The client card's Schedule a call…: pushes the schedule form. */
export function addonScheduleForm(e: AddonEventObject): Response {
  return act((run) =>
    CardService.newActionResponseBuilder()
      .setNavigation(CardService.newNavigation().pushCard(scheduleCard(run, paramsOf(e).orderId || '')))
      .build(),
  );
}

/** The schedule form's submit: a new Calls row as the person would type it; back to the client card. */
export function addonScheduleCall(e: AddonEventObject): Response {
  return act((run) => {
    const out = submitSchedule(run, paramsOf(e).orderId || '', inputsOf(e));
    return CardService.newActionResponseBuilder()
      .setNotification(CardService.newNotification().setText([out.message, ...out.details].join(' ').slice(0, 1000)))
      .setNavigation(CardService.newNavigation().popCard())
      .setStateChanged(true)
      .build();
  });
}
