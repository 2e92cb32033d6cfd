import { agreedExpectations, compareExpectations, expectationSummary, recordedCalling } from '../../../src/features/orders/rules/expectations';

const agreement = {
  agreementId: 'AGR-2026-0001',
  expectedResumes: 40,
  expectedCalls: 60,
  expectedAgreeing: 10,
  expectedComing: '',
  risks: 'refund if fewer than 3 come',
  answer: 'Согласовано',
};

describe('the agreed expectations are compared with what Calling results record (seed 000: the refund risk)', () => {
  test('only an Agreed agreement expects anything; "if it can be estimated" left blank expects nothing', () => {
    expect(agreedExpectations(agreement)).toEqual({ resumes: 40, calls: 60, agreeing: 10 });
    expect(agreedExpectations({ ...agreement, answer: '' })).toBeUndefined();
    expect(agreedExpectations(undefined)).toBeUndefined();
  });

  test('resumes are distinct candidates, calls are rows, agreed to come counts «Согласен прийти» and booked interviews once per candidate', () => {
    const recorded = recordedCalling(
      [
        { candidateId: 'C-1', outcome: 'Не дозвонились' },
        { candidateId: 'c-1', outcome: 'Согласен прийти' },
        { candidateId: 'C-2', outcome: 'Interview booked' },
        { candidateId: 'C-3', outcome: 'Declined' },
        { candidateId: 'C-4', outcome: 'agreed' },
      ],
      ['C-2', 'c-2', ''],
    );
    expect(recorded).toEqual({ resumes: 4, calls: 5, agreeing: 3, coming: 1 });
  });

  test('behind is judged pro rata of the selections reported; blank expectations are never behind', () => {
    const expected = agreedExpectations(agreement)!;
    const recorded = { resumes: 10, calls: 30, agreeing: 1, coming: 0 };
    const lines = compareExpectations(expected, recorded, 1, 4);
    expect(lines).toEqual([
      { key: 'resumes', expected: 40, dueSoFar: 10, recorded: 10, behind: false },
      { key: 'calls', expected: 60, dueSoFar: 15, recorded: 30, behind: false },
      { key: 'agreeing', expected: 10, dueSoFar: 2, recorded: 1, behind: true },
      { key: 'coming', recorded: 0, behind: false },
    ]);
    expect(compareExpectations(expected, recorded, 0, 0).some((l) => l.behind)).toBe(false);
    expect(expectationSummary(lines, { resumes: 'resumes', calls: 'calls', agreeing: 'agreed to come', coming: 'came' })).toBe(
      'resumes 10/40, calls 30/60, agreed to come 1/10 ⚠',
    );
  });
});
