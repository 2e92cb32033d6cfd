/**
 * Protected ranges and sheets (Class Protection) and who may edit what.
 * https://developers.google.com/apps-script/reference/spreadsheet/protection
 * Reproduced from the reference:
 * - Range.protect()/Sheet.protect(): "Until the script actually changes the list of editors
 *   … the permissions mirror those of the spreadsheet itself, which effectively means that the
 *   range remains unprotected." (restricted = false until then)
 * - Sheet.protect() on an already protected sheet returns the existing protection.
 * - removeEditor(s): "Neither the owner of the spreadsheet nor the current user can be removed."
 * - canEdit(): "The spreadsheet owner is always able to edit protected ranges and sheets."
 * - Warning-only protections let everyone edit (a person confirms a warning).
 * - canDomainEdit()/setDomainEdit: domain editing exists only for Workspace accounts
 *   (rt.limits.account, domain rt.limits.domain); on consumer accounts canDomainEdit() is false.
 * - A protection covers exactly the range it was given: a range A1:A1000 does not grow when
 *   rows are appended below it (appendRow, insertRowsAfter the last row); whole columns
 *   ("A:A", from getRange('A:A')) reach to the sheet's end, so new rows are covered. A
 *   protected range is a GridRange, where "Missing indexes indicate the range is unbounded on
 *   that side … Sheet1!A:B == sheet_id: 0, start_column_index: 0, end_column_index: 2"
 *   (https://developers.google.com/sheets/api/reference/rest/v4/other#GridRange); Google does
 *   not say how a bounded one moves on an append, so it does not grow (the stricter reading).
 * Edits refused by a protection throw MSG.protectedCell, for scripts (as their effective user)
 * and for people typing.
 * Not reproduced: named-range protections, group editors, refusing protection changes made by
 * a non-editor (the text Google uses there is not documented).
 */
import { Rect, contains, effectiveRect, intersects } from './a1';
import { Ctx, mayChange, rangeRefOf } from './ctx';
import { ProtectionType, member } from './enums';
import { MSG } from './messages';
import type { ProtectionSpec, SheetModel } from './model';
import { emailOf, makeUser, sameEmail, uniqueEmails } from './users';

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

export function userCanEdit(ctx: Ctx, p: ProtectionSpec, user: string): boolean {
  if (sameEmail(user, ctx.wb.owner) || p.warningOnly || !p.restricted) return true;
  const domain = ctx.rt.limits.domain ?? domainOf(ctx.wb.owner);
  if (p.domainEdit && ctx.rt.limits.account === 'workspace' && domainOf(user) === domain.toLowerCase()) return true;
  return p.editors.some((e) => sameEmail(e, user));
}

function covers(p: ProtectionSpec, sheet: SheetModel, rect: Rect): boolean {
  if (p.sheetId !== sheet.id) return false;
  if (p.type === 'RANGE') return p.rect !== null && intersects(effectiveRect(p.rect, sheet.maxRows), rect);
  if (p.unprotected.length === 0) return true;
  for (let r = rect.row; r < rect.row + rect.numRows; r++)
    for (let c = rect.col; c < rect.col + rect.numCols; c++) if (!p.unprotected.some((u) => contains(u, r, c))) return true;
  return false;
}

/** The first protection that refuses `user` an edit of `rect`, or null. */
export function refusingProtection(ctx: Ctx, sheet: SheetModel, rect: Rect, user: string): ProtectionSpec | null {
  for (const p of ctx.wb.protections) if (covers(p, sheet, rect) && !userCanEdit(ctx, p, user)) return p;
  return null;
}

/** Throws Google's refusal if the script's effective user may not edit `rect`. */
export function assertScriptCanEdit(ctx: Ctx, sheet: SheetModel, rect: Rect): void {
  if (refusingProtection(ctx, sheet, rect, ctx.rt.execution.effectiveUser)) throw ctx.fail(MSG.protectedCell);
}

export function newProtection(ctx: Ctx, sheet: SheetModel, type: 'RANGE' | 'SHEET', rect: Rect | null): ProtectionSpec {
  const p: ProtectionSpec = {
    id: ctx.wb.nextProtectionId++,
    type,
    sheetId: sheet.id,
    rect,
    description: '',
    warningOnly: false,
    restricted: false,
    editors: [],
    domainEdit: ctx.rt.limits.account === 'workspace',
    unprotected: [],
  };
  ctx.wb.protections.push(p);
  return p;
}

/** Apps Script's Protection object over a ProtectionSpec. */
export class Protection {
  constructor(
    private ctx: Ctx,
    private p: ProtectionSpec,
  ) {}

  private call(method: string): void {
    if (mayChange(method)) this.ctx.dirty = true;
    this.ctx.rt.call(`Protection.${method}`);
  }

  private sheetModel(): SheetModel {
    const s = this.ctx.sheetById(this.p.sheetId);
    if (!s) throw this.ctx.fail(MSG.rangeNotFound);
    return s;
  }

  /** The first change of editors turns mirroring into an explicit list. */
  private restrict(): void {
    if (this.p.restricted) return;
    const { wb, rt } = this.ctx;
    this.p.editors = uniqueEmails([wb.owner, ...wb.editors, rt.execution.effectiveUser]);
    this.p.restricted = true;
  }

  private currentEditors(): string[] {
    const { wb } = this.ctx;
    return this.p.restricted ? uniqueEmails([wb.owner, ...this.p.editors]) : uniqueEmails([wb.owner, ...wb.editors]);
  }

  addEditor(user: unknown): Protection {
    this.call('addEditor');
    this.restrict();
    this.p.editors = uniqueEmails([...this.p.editors, emailOf(user)]);
    return this;
  }

  addEditors(emails: unknown): Protection {
    this.call('addEditors');
    if (!Array.isArray(emails)) throw this.ctx.fail(MSG.signature('String', 'SpreadsheetApp.Protection.addEditors'));
    this.restrict();
    this.p.editors = uniqueEmails([...this.p.editors, ...emails.map(emailOf)]);
    return this;
  }

  private remove_(list: string[]): void {
    this.restrict();
    const keep = [this.ctx.wb.owner, this.ctx.rt.execution.effectiveUser];
    this.p.editors = this.p.editors.filter((e) => keep.some((k) => sameEmail(k, e)) || !list.some((r) => sameEmail(r, e)));
  }

  removeEditor(user: unknown): Protection {
    this.call('removeEditor');
    this.remove_([emailOf(user)]);
    return this;
  }

  removeEditors(users: unknown): Protection {
    this.call('removeEditors');
    if (!Array.isArray(users)) throw this.ctx.fail(MSG.signature('String', 'SpreadsheetApp.Protection.removeEditors'));
    this.remove_(users.map(emailOf));
    return this;
  }

  getEditors(): object[] {
    this.call('getEditors');
    return this.currentEditors().map(makeUser);
  }

  canEdit(): boolean {
    this.call('canEdit');
    return userCanEdit(this.ctx, this.p, this.ctx.rt.execution.effectiveUser);
  }

  canDomainEdit(): boolean {
    this.call('canDomainEdit');
    return this.ctx.rt.limits.account === 'workspace' && this.p.domainEdit;
  }

  setDomainEdit(editable: boolean): Protection {
    this.call('setDomainEdit');
    this.restrict();
    this.p.domainEdit = Boolean(editable);
    return this;
  }

  getDescription(): string {
    this.call('getDescription');
    return this.p.description;
  }

  setDescription(description: string): Protection {
    this.call('setDescription');
    this.p.description = String(description);
    return this;
  }

  isWarningOnly(): boolean {
    this.call('isWarningOnly');
    return this.p.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): Protection {
    this.call('setWarningOnly');
    this.p.warningOnly = Boolean(warningOnly);
    return this;
  }

  getProtectionType(): unknown {
    this.call('getProtectionType');
    return member(ProtectionType, this.p.type);
  }

  getRange(): object {
    this.call('getRange');
    const s = this.sheetModel();
    return this.ctx.range(s, this.p.rect ? effectiveRect(this.p.rect, s.maxRows) : { row: 1, col: 1, numRows: s.maxRows, numCols: s.maxCols });
  }

  getRangeName(): string | null {
    this.call('getRangeName');
    return null;
  }

  setRange(range: unknown): Protection {
    this.call('setRange');
    const ref = rangeRefOf(range);
    if (!ref) throw this.ctx.fail(MSG.signature('Object', 'SpreadsheetApp.Protection.setRange'));
    if (this.p.type === 'RANGE') {
      this.p.sheetId = ref.sheetId;
      this.p.rect = { row: ref.row, col: ref.col, numRows: ref.numRows, numCols: ref.numCols, ...(ref.openEnded ? { openEnded: true } : {}) };
    }
    return this;
  }

  getUnprotectedRanges(): object[] {
    this.call('getUnprotectedRanges');
    const s = this.sheetModel();
    return this.p.unprotected.map((r) => this.ctx.range(s, r));
  }

  setUnprotectedRanges(ranges: unknown): Protection {
    this.call('setUnprotectedRanges');
    if (!Array.isArray(ranges)) throw this.ctx.fail(MSG.signature('Object', 'SpreadsheetApp.Protection.setUnprotectedRanges'));
    if (this.p.type === 'SHEET')
      this.p.unprotected = ranges
        .map(rangeRefOf)
        .filter((r) => r !== null && r.sheetId === this.p.sheetId)
        .map((r) => ({ row: r!.row, col: r!.col, numRows: r!.numRows, numCols: r!.numCols }));
    return this;
  }

  remove(): void {
    this.call('remove');
    this.ctx.wb.protections = this.ctx.wb.protections.filter((x) => x !== this.p);
  }
}
