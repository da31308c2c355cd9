// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DATASET_ID, openDataset } from '../../../../tests/support/dom/dataset';
import { backend } from '../../../../tests/support/dom/fake-backend';
import { settle, startUser } from '../../../../tests/support/dom/user';
import { makeImage } from '../../../../tests/support/image-entry';
import type { CheckFinding, CheckReport } from '../../../shared/check';
import { openExport } from '../actions/export';
import { useWorkspace } from '../stores/workspace';
import { CheckPanel } from './CheckPanel';
import { ExportDialog } from './ExportDialog';
import { WorkspaceHeader } from './WorkspaceHeader';

/**
 * The check's findings with their images and fixes; a fix goes through the ordinary calls and the check runs
 * again; an export waits behind it until the user says "Export anyway", which errors do not allow.
 */

let user: UserEvent;

const SHARED: CheckFinding = {
  rule: 'shared-phrase',
  severity: 'warning',
  message: '"soft light" is in 3 captions of 3: what every caption says, the trigger cannot learn apart from.',
  imageIds: ['a', 'b', 'c'],
  keep: null,
  fix: {
    kind: 'bulk-edit',
    label: 'Remove "soft light"',
    edit: { kind: 'remove', phrase: 'soft light' },
    imageIds: ['a', 'b', 'c'],
  },
};
const DUPLICATE: CheckFinding = {
  rule: 'near-duplicate-image',
  severity: 'warning',
  message: '2 images are the same picture.',
  imageIds: ['b', 'c'],
  keep: 'b',
  fix: { kind: 'exclude', label: 'Keep b.jpg, exclude 1 copy', imageIds: ['c'] },
};
const MISSING: CheckFinding = {
  rule: 'missing-caption',
  severity: 'error',
  message: '1 image has no caption.',
  imageIds: ['c'],
  keep: null,
  fix: null,
};

function report(findings: CheckFinding[]): CheckReport {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return { datasetId: DATASET_ID, findings, images: 3, errors, warnings, t5Estimated: true };
}

function Page() {
  return (
    <>
      <WorkspaceHeader />
      <CheckPanel />
      <ExportDialog />
    </>
  );
}

beforeEach(() => {
  user = startUser();
  openDataset([makeImage('a'), makeImage('b'), makeImage('c')]);
  render(<Page />);
});

const panel = () => screen.getByRole('region', { name: 'Dataset check' });
const finding = (text: string) => {
  const row = within(panel()).getByText(text).closest<HTMLElement>('li');
  if (!row) throw new Error(`no finding "${text}"`);
  return row;
};

describe('the dataset check', () => {
  it('lists each finding with its severity, rule and images; a click on an image shows it, Select selects them all', async () => {
    backend.answer('checkDataset', () => report([SHARED, DUPLICATE]));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await settle();
    expect(within(panel()).getByRole('status').textContent).toBe('2 warnings');
    const dup = finding(DUPLICATE.message);
    expect(dup.textContent).toContain('Warning');
    expect(dup.textContent).toContain('near-duplicate-image');
    expect(within(dup).getByRole('button', { name: /^b\.jpg/u }).textContent).toContain('Kept');
    await user.click(within(dup).getByRole('button', { name: /^c\.jpg/u }));
    expect(useWorkspace.getState().currentId).toBe('c');
    await user.click(within(finding(SHARED.message)).getByRole('button', { name: 'Select 3 images' }));
    expect([...useWorkspace.getState().selected]).toEqual(['a', 'b', 'c']);
  });

  it('applies a fix through the ordinary call, then checks again', async () => {
    backend.answer('checkDataset', () => report([SHARED, DUPLICATE]));
    backend.answer('setExcluded', () => undefined);
    backend.answer('applyBulkEdit', () => ({ step: null, images: [], leftOut: [], history: { undo: [], redo: [] } }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await settle();
    backend.answer('checkDataset', () => report([SHARED]));
    await user.click(within(finding(DUPLICATE.message)).getByRole('button', { name: 'Keep b.jpg, exclude 1 copy' }));
    await settle();
    expect(backend.callsTo('setExcluded')).toEqual([[DATASET_ID, ['c'], true]]);
    expect(backend.callsTo('checkDataset')).toHaveLength(2);
    expect(within(panel()).queryByText(DUPLICATE.message)).toBeNull();
    await user.click(within(finding(SHARED.message)).getByRole('button', { name: 'Remove "soft light"' }));
    await settle();
    expect(backend.callsTo('applyBulkEdit')).toEqual([
      [DATASET_ID, SHARED.fix?.kind === 'bulk-edit' ? SHARED.fix.edit : null, ['a', 'b', 'c']],
    ]);
  });

  it('holds an export behind warnings until "Export anyway"', async () => {
    backend.answer('checkDataset', () => report([SHARED]));
    await openExport();
    await settle();
    expect(
      within(panel()).getByText('Before exporting: these may hurt training. Fix them, or export as it is.'),
    ).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: 'Export' })).toBeNull();
    await user.click(within(panel()).getByRole('button', { name: 'Export anyway' }));
    await settle();
    // The export's options come next (the preset, then where).
    expect(screen.getByRole('dialog', { name: 'Export' })).toBeTruthy();
    // The check was seen: the export does not ask again.
    expect(backend.callsTo('checkDataset')).toHaveLength(1);
  });

  it('does not let an export go ahead over errors, and says why', async () => {
    backend.answer('checkDataset', () => report([MISSING, SHARED]));
    await openExport();
    await settle();
    expect(within(panel()).getByText(/needs every included image to have a valid caption/u)).toBeTruthy();
    expect(within(panel()).getByRole('button', { name: 'Export anyway' })).toHaveProperty('disabled', true);
    expect(finding(MISSING.message).textContent).toContain('Error');
  });

  it('goes straight on when the check finds nothing worse than notes', async () => {
    backend.answer('checkDataset', () => report([{ ...SHARED, rule: 'clip-truncated', severity: 'info', fix: null }]));
    await openExport();
    await settle();
    expect(screen.queryByRole('region', { name: 'Dataset check' })).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Export' })).toBeTruthy();
  });
});
