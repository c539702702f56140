import { describe, expect, it } from 'vitest';
import { IncidentReport } from '../../shared/ipc/contract.ts';
import { describeIssues } from './reportIssues.ts';

/** The issues the host sends for an argument, built the same way shared/ipc/dispatch.ts does. */
function issuesFor(input: unknown) {
  const parsed = IncidentReport.safeParse(input);
  if (parsed.success) throw new Error('expected the input to be invalid');
  return parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('describeIssues', () => {
  it('words an empty title in Chinese and English', () => {
    const issues = issuesFor({ title: '  ', type: 'fire', level: 'IV', nodeCode: '310101013000' });
    expect(describeIssues(issues, 'zh-CN')).toEqual([{ field: 'title', text: '标题不能为空' }]);
    expect(describeIssues(issues, 'en')).toEqual([{ field: 'title', text: 'Title is required' }]);
  });

  it('words a bad node code', () => {
    const issues = issuesFor({ title: '积水', type: 'fire', level: 'IV', nodeCode: '3101' });
    expect(describeIssues(issues, 'zh-CN')).toEqual([{ field: 'nodeCode', text: '指挥节点须为 12 位行政区划代码' }]);
  });

  it('names the field of an issue it has no sentence for, without English in the Chinese interface', () => {
    const issues = issuesFor({ title: '积水', type: 'meteor', level: 'IV', nodeCode: '310101013000' });
    expect(describeIssues(issues, 'zh-CN')).toEqual([{ field: 'type', text: '类型填写不符合要求' }]);
    expect(describeIssues(issues, 'en')[0]?.text).toMatch(/^Type: /);
  });

  it('keeps an issue about an unknown field as a form-wide message', () => {
    expect(describeIssues([{ path: 'extra', message: 'Unrecognized key' }], 'zh-CN'))
      .toEqual([{ field: '', text: '填写的内容有误，请检查后重试。' }]);
  });
});
