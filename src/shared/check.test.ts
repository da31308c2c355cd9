import { describe, expect, it } from 'vitest';
import { CHECK_RULES, type CheckFinding, compareFindings } from './check';

const finding = (rule: keyof typeof CHECK_RULES): CheckFinding => ({
  rule,
  severity: CHECK_RULES[rule],
  message: '',
  imageIds: [],
  keep: null,
  fix: null,
});

describe('check findings', () => {
  it('sort errors first, then warnings, then info', () => {
    const sorted = [finding('clip-truncated'), finding('hedging'), finding('trigger-case'), finding('missing-caption')]
      .sort(compareFindings)
      .map((f) => f.rule);
    expect(sorted).toEqual(['missing-caption', 'trigger-case', 'hedging', 'clip-truncated']);
  });
});
