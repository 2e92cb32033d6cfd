/** Base.User as Apps Script hands it out (getEmail), and the argument forms methods accept. */
export interface FakeUser {
  getEmail(): string;
  getUserLoginId(): string;
  toString(): string;
}

export function makeUser(email: string): FakeUser {
  return { getEmail: () => email, getUserLoginId: () => email, toString: () => email };
}

/** An e-mail from a string or a User object. */
export function emailOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null && typeof (v as FakeUser).getEmail === 'function') return (v as FakeUser).getEmail();
  return String(v);
}

export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function uniqueEmails(list: string[]): string[] {
  const out: string[] = [];
  for (const e of list) if (e && !out.some((o) => sameEmail(o, e))) out.push(e);
  return out;
}
