import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClassView } from './protocol.ts';
import { buildReport, CSV_COLUMNS, csvCell, toCsv } from './report.ts';
import type { TraineeRecord } from './store/types.ts';

/** A small RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

const classView: ClassView = {
  classId: 'c1',
  title: 'Monday',
  state: 'ended',
  createdAtMs: 0,
  expiresAtMs: 1,
  startedAtMs: 0,
  endedAtMs: 1,
  assignment: { kind: 'lesson', lessonId: 'lockstep-transient', seed: 42 },
};

function trainee(id: string, name: string, withProgress: boolean): TraineeRecord {
  return {
    profile: { traineeId: id, name, tokenHash: 'h', joinedAtMs: 5 },
    group: id === 'a' ? 'Table 1' : null,
    assignment: null,
    connection: { connected: true, socketId: null, changedAtMs: 0 },
    progress: withProgress
      ? {
          lessonId: 'lockstep-transient',
          stepIndex: 2,
          stepsTotal: 4,
          score: 35,
          maxScore: 40,
          mistakes: 1,
          systemStatus: 'duplex',
          elapsedMs: 125_340,
          finished: false,
          updatedAtMs: 9,
        }
      : null,
  };
}

describe('report', () => {
  const report = buildReport(
    classView,
    [
      trainee('a', '=HYPERLINK("http://x","click")', true),
      trainee('b', 'Bob, "the builder"', false),
    ],
    [
      {
        steps: [
          { index: 0, atMs: 12_000, points: 10 },
          { index: 1, atMs: 40_500, points: -5 },
        ],
        mistakes: [{ atMs: 30_000, text: '+pulled the healthy partner' }],
      },
      { steps: [], mistakes: [] },
    ],
    100,
  );

  it('has every trainee with steps, score, mistakes and times', () => {
    expect(report.trainees).toHaveLength(2);
    const a = report.trainees[0];
    expect(a).toMatchObject({
      score: 35,
      maxScore: 40,
      mistakes: 1,
      elapsedMs: 125_340,
      group: 'Table 1',
      assignment: classView.assignment,
    });
    expect(a.steps).toHaveLength(2);
    expect(report.trainees[1]).toMatchObject({ score: null, mistakes: 0, finished: false });
  });

  it('writes CSV a spreadsheet reads back as text, not formulas', () => {
    const rows = parseCsv(toCsv(report));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(rows[1][0]).toBe(`'=HYPERLINK("http://x","click")`);
    expect(rows[1]).toContain('1@12s(+10) 2@40.5s(-5)');
    expect(rows[1]).toContain(`30s +pulled the healthy partner`);
    expect(rows[1][9]).toBe('125.3');
    expect(rows[2][0]).toBe('Bob, "the builder"');
  });

  it('guards every text cell, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const parsed = parseCsv(`${csvCell(s)}\r\n`);
        expect(parsed).toHaveLength(1);
        expect(parsed[0]).toHaveLength(1);
        const cell = parsed[0][0];
        expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
        expect(cell === s || cell === `'${s}`).toBe(true);
      }),
    );
  });

  it('leaves numbers as numbers', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
  });
});
