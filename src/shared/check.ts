import type { BulkEdit } from './bulk-edit';

/**
 * The dataset check's findings: what will hurt training, the images concerned, and a fix the page can apply in
 * one click where one exists. Rule ids are stable (the CLI's `--json` prints them; scripts may match on them).
 */

export type CheckSeverity = 'error' | 'warning' | 'info';

export const CHECK_RULES = {
  'missing-caption': 'error',
  'trigger-missing': 'error',
  'trigger-case': 'error',
  'shared-phrase': 'warning',
  'duplicate-caption': 'warning',
  'clip-truncated': 'info',
  't5-truncated': 'warning',
  hedging: 'warning',
  'near-duplicate-image': 'warning',
  'low-resolution': 'warning',
  'too-few-images': 'warning',
} as const satisfies Record<string, CheckSeverity>;
export type CheckRule = keyof typeof CHECK_RULES;

/** A fix as data: the page applies it through the ordinary calls, so it is one undoable step like any other. */
export type CheckFix =
  /** `applyBulkEdit(datasetId, edit, imageIds)`. */
  | { kind: 'bulk-edit'; label: string; edit: BulkEdit; imageIds: string[] }
  /** `setExcluded(datasetId, imageIds, true)`; for near duplicates, every image of the group but the kept one. */
  | { kind: 'exclude'; label: string; imageIds: string[] }
  /** `startRun(datasetId, { recaption: true, only: imageIds })` (after the usual Caption dialog: it may cost). */
  | { kind: 'regenerate'; label: string; imageIds: string[] };

export interface CheckFinding {
  rule: CheckRule;
  severity: CheckSeverity;
  /** One plain sentence: what is wrong and why it matters for training. */
  message: string;
  /** The images concerned (for `too-few-images`: none). */
  imageIds: string[];
  /** `near-duplicate-image`: the image the fix keeps (the largest); null for every other rule. */
  keep: string | null;
  fix: CheckFix | null;
}

export interface CheckReport {
  datasetId: string;
  /** Errors first, then warnings, then info; within a severity in the order of CHECK_RULES. */
  findings: CheckFinding[];
  /** Included images checked. */
  images: number;
  errors: number;
  warnings: number;
  /** T5 counts are an estimate (no npm package carries T5's vocabulary): show them with "≈". CLIP's are real. */
  t5Estimated: boolean;
}

const SEVERITY_ORDER: Record<CheckSeverity, number> = { error: 0, warning: 1, info: 2 };
const RULE_ORDER = Object.keys(CHECK_RULES) as CheckRule[];

/** Errors first, then warnings, then info; within a severity in rule order; stable otherwise. */
export function compareFindings(a: CheckFinding, b: CheckFinding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule)
  );
}
