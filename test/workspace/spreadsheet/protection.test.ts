import { Any, setup, thrown } from './helpers';

const REFUSAL =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** The documented pattern: protect, then leave only the effective user (and the owner). */
function lockDown(protection: Any, me: string): Any {
  protection.addEditor(me);
  protection.removeEditors(protection.getEditors());
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  return protection;
}

describe('protections', () => {
  test('a new protection mirrors the spreadsheet, so anyone may still edit', async () => {
    const { sheet, fake } = await setup();
    sheet.getRange('A1:B2').protect();
    expect(() => fake.personEdit('Sheet1', 1, 1, [['x']], 'clerk@example.com')).not.toThrow();
  });

  test("a protected range refuses a person who is not its editor, with Google's text", async () => {
    const { sheet, fake, rt } = await setup();
    lockDown(sheet.getRange('A1:B2').protect().setDescription('system'), 'owner@example.com');
    const e = (() => {
      try {
        fake.personEdit('Sheet1', 2, 2, [['x', 'y']], 'clerk@example.com');
      } catch (err) {
        return err as Error;
      }
      throw new Error('not refused');
    })();
    expect(e.message).toBe(REFUSAL);
    expect(e).toBeInstanceOf(rt.realm.Error);
    expect(sheet.getRange('B2').getValue()).toBe('');
    // Cells outside the protected range stay editable.
    expect(fake.personEdit('Sheet1', 3, 1, [['ok']], 'clerk@example.com').oldValues).toEqual([['']]);
  });

  test('an editor of the protection and the owner may edit it', async () => {
    const { sheet, fake } = await setup();
    const p = lockDown(sheet.getRange('A1:B2').protect(), 'owner@example.com');
    p.addEditor('lead@example.com');
    expect(
      p
        .getEditors()
        .map((u: Any) => u.getEmail())
        .sort(),
    ).toEqual(['lead@example.com', 'owner@example.com']);
    const edit = fake.personEdit('Sheet1', 1, 1, [['by lead']], 'lead@example.com');
    expect(edit.range.getA1Notation()).toBe('A1');
    expect(edit.oldValues).toEqual([['']]);
    fake.personEdit('Sheet1', 1, 1, [['by owner']], 'owner@example.com');
    expect(sheet.getRange('A1').getValue()).toBe('by owner');
  });

  test('a warning-only protection lets everyone edit', async () => {
    const { sheet, fake } = await setup();
    lockDown(sheet.getRange('A1').protect(), 'owner@example.com').setWarningOnly(true);
    expect(() => fake.personEdit('Sheet1', 1, 1, [['x']], 'clerk@example.com')).not.toThrow();
  });

  test('neither the owner nor the current user can be removed from a protection', async () => {
    const { sheet } = await setup(
      { execution: { activeUser: 'admin@example.com', effectiveUser: 'admin@example.com' } },
      { owner: 'owner@example.com' },
    );
    const p = sheet.protect();
    p.removeEditors(['owner@example.com', 'admin@example.com']);
    expect(
      p
        .getEditors()
        .map((u: Any) => u.getEmail())
        .sort(),
    ).toEqual(['admin@example.com', 'owner@example.com']);
    expect(p.canEdit()).toBe(true);
  });

  test('a script running as a non-editor is refused by setValue', async () => {
    const { sheet, rt } = await setup();
    lockDown(sheet.protect(), 'owner@example.com');
    rt.beginExecution(rt.now(), { kind: 'ui', activeUser: 'clerk@example.com', effectiveUser: 'clerk@example.com' });
    expect(thrown(() => sheet.getRange('C3').setValue(1)).message).toBe(REFUSAL);
    expect(thrown(() => sheet.appendRow([1])).message).toBe(REFUSAL);
    expect(sheet.getRange('C3').canEdit()).toBe(false);
  });

  test('unprotected ranges of a protected sheet stay editable', async () => {
    const { sheet, fake } = await setup();
    const p = lockDown(sheet.protect(), 'owner@example.com');
    p.setUnprotectedRanges([sheet.getRange('B2:B10')]);
    expect(() => fake.personEdit('Sheet1', 5, 2, [['x']], 'clerk@example.com')).not.toThrow();
    expect(thrown(() => fake.personEdit('Sheet1', 5, 1, [['x']], 'clerk@example.com')).message).toBe(REFUSAL);
  });

  test('Sheet.protect returns the existing sheet protection', async () => {
    const { sheet, app } = await setup();
    sheet.protect().setDescription('first');
    expect(sheet.protect().getDescription()).toBe('first');
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
  });

  test('a protected range moves with inserted and deleted rows', async () => {
    const { sheet, app } = await setup();
    sheet.getRange('A5:B6').protect();
    sheet.insertRowsBefore(2, 3);
    expect(sheet.getProtections(app.ProtectionType.RANGE)[0].getRange().getA1Notation()).toBe('A8:B9');
    sheet.deleteRows(1, 8);
    expect(sheet.getProtections(app.ProtectionType.RANGE)[0].getRange().getA1Notation()).toBe('A1:B1');
  });

  test('a range protection covers exactly its rows: rows appended below it are not protected', async () => {
    const { sheet, fake } = await setup();
    lockDown(sheet.getRange('A1:A1000').protect(), 'owner@example.com');
    expect(sheet.getMaxRows()).toBe(1000);
    sheet.insertRowsAfter(1000, 5); // more rows at the end, as an append grows the sheet
    sheet.getRange(1001, 1).setValue('script row'); // the owner's script may write anywhere
    expect(() => fake.personEdit('Sheet1', 1003, 1, [['x']], 'clerk@example.com')).not.toThrow();
    expect(thrown(() => fake.personEdit('Sheet1', 1000, 1, [['x']], 'clerk@example.com')).message).toBe(REFUSAL);
  });

  test('a whole-column protection (A:A) grows with the sheet: appended and inserted rows are covered', async () => {
    const { sheet, fake, app } = await setup();
    lockDown(sheet.getRange('A:A').protect(), 'owner@example.com');
    sheet.insertRowsAfter(1000, 5);
    sheet.appendRow(['appended by the script']);
    expect(thrown(() => fake.personEdit('Sheet1', 1004, 1, [['x']], 'clerk@example.com')).message).toBe(REFUSAL);
    expect(thrown(() => fake.personEdit('Sheet1', 1, 1, [['x']], 'clerk@example.com')).message).toBe(REFUSAL);
    sheet.insertRowsBefore(1, 2);
    expect(sheet.getProtections(app.ProtectionType.RANGE)[0].getRange().getA1Notation()).toBe('A:A');
    expect(thrown(() => fake.personEdit('Sheet1', 1, 1, [['x']], 'clerk@example.com')).message).toBe(REFUSAL);
    expect(() => fake.personEdit('Sheet1', 5, 2, [['column B is free']], 'clerk@example.com')).not.toThrow();
  });

  test('Workspace: domain edit lets the domain in; turned off, only the listed editors', async () => {
    const { sheet, fake } = await setup({ limits: { account: 'workspace', domain: 'firm.test' } }, { owner: 'owner@firm.test' });
    const p = sheet.getRange('B:B').protect();
    p.addEditor('owner@firm.test');
    p.removeEditors(p.getEditors());
    expect(p.canDomainEdit()).toBe(true);
    expect(() => fake.personEdit('Sheet1', 2, 2, [['x']], 'clerk@firm.test')).not.toThrow();
    expect(thrown(() => fake.personEdit('Sheet1', 2, 2, [['x']], 'partner@gmail.com')).message).toBe(REFUSAL);
    p.setDomainEdit(false);
    expect(thrown(() => fake.personEdit('Sheet1', 2, 2, [['y']], 'clerk@firm.test')).message).toBe(REFUSAL);
  });

  test('remove() deletes a protection', async () => {
    const { sheet, ss, app } = await setup();
    sheet.getRange('A1').protect().remove();
    expect(ss.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
  });
});
