import {
  afterSendError,
  classifyMailError,
  interruptedText,
  maySendAgain,
  MAX_ATTEMPTS,
  QUOTA_MESSAGE,
  wasInterrupted,
} from '../../src/mail/policy';
import { QUOTA_EXCEEDED } from '../../workspace/services/mail/quota';

describe('the one mail retry policy', () => {
  test("MailApp's errors read as quota, permanent or transient", () => {
    expect(QUOTA_MESSAGE).toBe(QUOTA_EXCEEDED);
    expect(classifyMailError(QUOTA_EXCEEDED)).toBe('quota');
    expect(classifyMailError('Invalid email: bob@')).toBe('permanent');
    expect(classifyMailError('Limit Exceeded: Email Recipients Per Message.')).toBe('permanent');
    expect(classifyMailError('Limit Exceeded: Email Body Size.')).toBe('permanent');
    expect(classifyMailError('Service error: Mail')).toBe('transient');
    expect(classifyMailError('')).toBe('transient');
  });

  test('a failed send is retried at the next tick until the third attempt fails; the quota counts no attempt', () => {
    expect(MAX_ATTEMPTS).toBe(3);
    expect(afterSendError(0, 'transient')).toEqual({ state: 'pending', attempts: 1 });
    expect(afterSendError(1, 'permanent')).toEqual({ state: 'pending', attempts: 2 });
    expect(afterSendError(2, 'transient')).toEqual({ state: 'failed', attempts: 3 });
    expect(afterSendError(2, 'quota')).toEqual({ state: 'pending', attempts: 2 });
    expect(afterSendError(NaN, 'transient')).toEqual({ state: 'pending', attempts: 1 });
  });

  test('an interrupted send is never resent automatically; a Failed row short of its attempts is', () => {
    expect(wasInterrupted(interruptedText('en'))).toBe(true);
    expect(wasInterrupted(interruptedText('ru'))).toBe(true);
    expect(maySendAgain({ state: undefined, attempts: 0 }, '')).toBe(true);
    expect(maySendAgain({ state: 'pending', attempts: 2 }, '')).toBe(true);
    expect(maySendAgain({ state: 'failed', attempts: 1 }, 'Service error: Mail')).toBe(true);
    expect(maySendAgain({ state: 'failed', attempts: 3 }, 'Service error: Mail')).toBe(false);
    expect(maySendAgain({ state: 'failed', attempts: 0 }, interruptedText('ru'))).toBe(false);
    expect(maySendAgain({ state: 'cancelled', attempts: 0 }, '')).toBe(false);
    expect(maySendAgain({ state: 'missed', attempts: 0 }, '')).toBe(false);
    expect(maySendAgain({ state: 'sent', attempts: 1 }, '')).toBe(false);
  });
});
