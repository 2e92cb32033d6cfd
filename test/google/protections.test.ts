/** Who leaving takes effect in the edit: the lists the protections hold after it (google/protections.ts). */
import { changedGroups, fingerprints, heldAfterLeaving, StaffGroups } from '../../src/google/protections';

const groups = (all: string[], byDepartment: Record<string, string[]>): StaffGroups => ({
  all,
  byDepartment: new Map(Object.entries(byDepartment)),
});

describe('heldAfterLeaving', () => {
  test('each list as it was, less who is no longer in it; who joined is not in it yet', () => {
    const before = groups(['a@x', 'b@x', 'c@x'], { sales: ['a@x', 'b@x'], hr: ['c@x'] });
    // b moves from Sales to HR, d joins Sales, c stays.
    const staff = groups(['a@x', 'b@x', 'c@x', 'd@x'], { sales: ['a@x', 'd@x'], hr: ['c@x', 'b@x'] });
    const held = heldAfterLeaving(before, staff);
    expect(held.all).toEqual(['a@x', 'b@x', 'c@x']);
    expect(Object.fromEntries(held.byDepartment)).toEqual({ sales: ['a@x'], hr: ['c@x'] });
    // Only Sales lost someone; HR and Staff-wide only wait for joiners.
    expect([...changedGroups(fingerprints(before), fingerprints(held))]).toEqual(['sales']);
    expect(changedGroups(fingerprints(held), fingerprints(staff)).size).toBeGreaterThan(0);
  });

  test('a department emptied is dropped; case does not make anyone leave', () => {
    const before = groups(['A@x', 'b@x'], { client: ['A@x'], hr: ['b@x'] });
    const staff = groups(['a@x'], { client: ['a@x'] });
    const held = heldAfterLeaving(before, staff);
    expect(held.all).toEqual(['A@x']);
    expect(Object.fromEntries(held.byDepartment)).toEqual({ client: ['A@x'] });
  });
});
