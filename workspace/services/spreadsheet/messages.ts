/**
 * Google's error texts and limits reproduced by the SpreadsheetApp fake, in one place.
 *
 * Reference: https://developers.google.com/apps-script/reference/spreadsheet
 * (Range.protect/Sheet.protect: a new protection "mirrors the spreadsheet" until its editors
 * change; Protection.removeEditor: "Neither the owner of the spreadsheet nor the current user
 * can be removed"; Sheet.protect returns the existing protection if the sheet already has one).
 * Limits: https://support.google.com/drive/answer/37603 (10 million cells per spreadsheet,
 * 50,000 characters per cell).
 *
 * The texts are those Apps Script throws (name "Exception"), as quoted verbatim in public
 * issue threads and trigger-failure reports (e.g. github.com/alpatania/sassafras/issues/8,
 * Elijas/auto-youtube-subscription-playlist-2/issues/99, davepar/gcalendarsync/issues/93).
 */
export const MSG = {
  startRowTooSmall: 'The starting row of the range is too small.',
  startColumnTooSmall: 'The starting column of the range is too small.',
  numRowsTooSmall: 'The number of rows in the range must be at least 1.',
  numColumnsTooSmall: 'The number of columns in the range must be at least 1.',
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  rangeNotFound: 'Range not found',
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  deleteAllNonFrozenRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  deleteAllNonFrozenColumns: 'Sorry, it is not possible to delete all non-frozen columns.',
  removeAllSheets: "You can't remove all the sheets in a document.",
  getUiContext: 'Cannot call SpreadsheetApp.getUi() from this context.',
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  cellLimit: 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  openById: 'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  signature: (args: string, method: string) => `The parameters (${args}) don't match the method signature for ${method}.`,
};

export const MAX_CELLS = 10_000_000;
export const MAX_CELL_CHARS = 50_000;

/** How Apps Script names argument types in its signature errors: (number[]), (String), (null). */
export function describeArgs(args: unknown[]): string {
  return args.map(describeType).join(',');
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return v.length ? `${describeType(v[0])}[]` : 'Object[]';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'boolean') return 'Boolean';
  if (Object.prototype.toString.call(v) === '[object Date]') return 'Date';
  return 'Object';
}
