/**
 * GmailApp fake for a Workspace add-on that holds only the per-message metadata scope
 * (gmail.addons.current.message.metadata): the message the person opened, read after
 * GmailApp.setCurrentMessageAccessToken(e.gmail.accessToken).
 *
 * Google behaviour reproduced (https://developers.google.com/workspace/add-ons/gmail/extending-message-ui#accessing_messages,
 * https://developers.google.com/apps-script/reference/gmail/gmail-app#setCurrentMessageAccessToken(String)):
 * - Without the current message's access token, reading it fails (the add-on scopes give no
 *   mailbox access); a token of another message does not open this one.
 * - With the metadata scope the message's headers are readable (getFrom, getTo, getCc,
 *   getSubject, getDate, getId); its body and attachments need the content scope, which the
 *   add-on does not ask: those methods are not there (calling one fails).
 * Google's error text for a missing token is not documented; the one users report is used.
 */
import type { FakeService, Runtime } from '../../runtime/runtime';

export interface OpenedMessage {
  id: string;
  threadId: string;
  from: string;
  to: string;
  cc: string;
  subject: string;
  date: Date;
}

export const MISSING_TOKEN =
  'Access denied: : Missing access token for per message scope authorization. Be sure you are calling GmailApp.setCurrentMessageAccessToken(e.gmail.accessToken) with the event token.';

/** The token the host puts into e.gmail.accessToken for this message. */
export function accessTokenOf(messageId: string): string {
  return `local-gmail-token:${messageId}`;
}

export function createGmailService(rt: Runtime, opened: OpenedMessage | null): FakeService {
  // The token holds for the execution that set it (each callback is an execution of its own).
  let token = { value: '', execution: null as unknown };
  const GmailApp = {
    setCurrentMessageAccessToken(accessToken: unknown): void {
      rt.call('GmailApp.setCurrentMessageAccessToken');
      token = { value: String(accessToken ?? ''), execution: rt.execution };
    },
    getMessageById(id: unknown) {
      rt.call('GmailApp.getMessageById');
      const valid = token.execution === rt.execution && !!opened && token.value === accessTokenOf(opened.id);
      if (!opened || String(id) !== opened.id || !valid) throw rt.error(MISSING_TOKEN);
      const m = opened;
      return {
        getId: () => m.id,
        getFrom: () => m.from,
        getTo: () => m.to,
        getCc: () => m.cc,
        getSubject: () => m.subject,
        getDate: () => rt.date(m.date.getTime()),
      };
    },
  };
  return { globals: { GmailApp } };
}
