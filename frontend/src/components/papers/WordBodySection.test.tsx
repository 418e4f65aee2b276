import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fakeServer';
import type { PaperDetail, PaperVersionDetail } from './types';
import { WordBodySection } from './WordBodySection';

const version: PaperVersionDetail = {
  id: 'version-1',
  number: 1,
  missingCoverSheetFields: [],
  purpose: 'DECISION',
  executiveSummary: '',
  recommendation: '',
  strategicObjectives: '',
  assuranceRisks: '',
  conflictsNoted: '',
  publicInvolvement: '',
  bodyMarkdown: '',
  bodyHtml: '<p>Written in Word</p>',
  bodyDocument: {
    filename: 'review.docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    sizeBytes: 20480,
    url: '/files/1',
    conversion: { status: 'FAILED', problem: 'The file took longer than 120 seconds to convert and was stopped.', pageCount: null },
  },
  approvedAt: null,
  publishedAt: null,
  impacts: [],
  appendices: [],
};

const paper = {
  __typename: 'Paper',
  id: 'paper-1',
  title: 'Community services review',
  status: 'DRAFT',
  dueDate: '2026-06-20',
  isPublic: true,
  viewerCanWrite: true,
  viewerCanApprove: false,
  author: null,
  sponsor: null,
  item: null,
  meeting: null,
  versions: [],
  currentVersion: version,
} satisfies PaperDetail;

describe('WordBodySection', () => {
  it('shows the Word body, its download and why it did not convert', () => {
    render(<WordBodySection paper={paper} version={version} canChange={false} onChanged={vi.fn()} />);
    expect(screen.getByRole('link', { name: /^review\.docx ?\(the paper’s body\)$/ }).getAttribute('href')).toBe('/files/1');
    expect(screen.getByText('Could not be converted')).toBeTruthy();
    expect(screen.getByText(/took longer than 120 seconds/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Upload Word body' })).toBeNull();
  });

  it('asks for a file before uploading, and offers to go back to a Markdown body', async () => {
    const requests = fakeServer({});
    render(<WordBodySection paper={paper} version={version} canChange onChanged={vi.fn()} />);
    expect(screen.getByRole('button', { name: 'Write the body here instead' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Upload Word body' }));
    expect(await screen.findAllByText('Select the Word document')).not.toHaveLength(0);
    expect(requests).toHaveLength(0);
  });
});
