import { describe, expect, it } from 'vitest';
import { describeCsvProblem } from './csvProblems.ts';

describe('CSV import problems in the user language', () => {
  it('says a bad field in Chinese or English, naming the line and the column', () => {
    const reason = { key: 'field', values: { line: 3, field: 'districtCode', problem: 'adminCode' } };
    expect(describeCsvProblem(reason, 'zh-CN')).toBe('第 3 行：行政区划代码（districtCode）：须为 12 位行政区划代码');
    expect(describeCsvProblem(reason, 'en')).toBe('Line 3: districtCode: must be a 12-digit administrative code');
  });

  it('says file-level problems and a negative receipt in Chinese', () => {
    expect(describeCsvProblem({ key: 'missingColumns', values: { line: 1, columns: 'owner, lat' } }, 'zh-CN')).toBe('第 1 行：缺少列：owner, lat');
    expect(describeCsvProblem({ key: 'noRows', values: {} }, 'zh-CN')).toBe('文件只有表头，没有数据行');
    expect(describeCsvProblem({ key: 'field', values: { line: 2, field: 'quantity', problem: 'receiptPositive' } }, 'zh-CN')).toBe('第 2 行：数量（quantity）：入库（receipt）的数量须为正数');
    expect(describeCsvProblem({ key: 'field', values: { line: 2, field: 'reserveType', problem: 'choice', options: 'physical, government' } }, 'zh-CN'))
      .toBe('第 2 行：储备类型（reserveType）：须为以下之一：physical, government');
  });

  it('leaves a reason it has no words for to the caller', () => {
    expect(describeCsvProblem({ key: 'somethingNew', values: {} }, 'zh-CN')).toBeNull();
    expect(describeCsvProblem(undefined, 'en')).toBeNull();
  });
});
