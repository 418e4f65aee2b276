import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fakeServer';
import { AppendicesSection } from './AppendicesSection';
import { CoverSheetForm } from './CoverSheetForm';
import { PaperActions, paperActions } from './PaperActions';
import type { PaperDetail, PaperVersionDetail } from './types';

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
  bodyHtml: '',
  bodyDocument: null,
  approvedAt: null,
  publishedAt: null,
  impacts: ['quality', 'equality', 'privacy', 'financial', 'legal', 'sustainability'].map((area) => ({
    area,
    applies: area === 'quality',
    detail: area === 'quality' ? 'Shorter waits' : '',
  })),
  appendices: [],
};

const paper: PaperDetail = {
  __typename: 'Paper',
  id: 'paper-1',
  title: 'Financial plan',
  status: 'DRAFT',
  dueDate: '2026-06-20',
  isPublic: true,
  viewerCanWrite: true,
  viewerCanApprove: false,
  author: { id: 'tom', name: 'Tom Ashworth' },
  sponsor: { id: 'rajesh', name: 'Dr Rajesh Mistry' },
  item: { id: 'item-7', number: '7', title: 'Financial plan' },
  meeting: null,
  versions: [],
  currentVersion: version,
};

describe('CoverSheetForm', () => {
  it('asks for the detail of each impact answered yes, and sends every impact area', async () => {
    const requests = fakeServer({
      'graphql:SavePaperDraft': { body: { data: { savePaperDraft: { version: { id: 'version-1', number: 1 }, errors: [] } } } },
    });
    const onSaved = vi.fn();
    render(<CoverSheetForm paper={paper} version={version} onSaved={onSaved} />);

    const quality = screen.getByRole('group', { name: 'Quality impact' });
    expect((within(quality).getByLabelText('Yes') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('What is the quality impact?') as HTMLTextAreaElement).value).toBe('Shorter waits');
    const financialDetail = screen.getByLabelText('What is the financial impact?');
    expect(financialDetail.closest('.nhsuk-radios__conditional')?.className).toContain('--hidden');

    fireEvent.click(within(screen.getByRole('group', { name: 'Financial impact' })).getByLabelText('Yes'));
    expect(financialDetail.closest('.nhsuk-radios__conditional')?.className).not.toContain('--hidden');
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    const link = await screen.findByRole('link', { name: 'Say what the financial impact is' });
    expect(link.getAttribute('href')).toBe('#cover-sheet-impact-financial-detail');
    expect(requests).toHaveLength(0);

    fireEvent.change(financialDetail, { target: { value: '£1.2m savings' } });
    fireEvent.click(within(screen.getByRole('group', { name: 'Quality impact' })).getByLabelText('No'));
    fireEvent.click(screen.getByLabelText('No, it is private'));
    fireEvent.change(screen.getByLabelText('The paper'), { target: { value: '## Plan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('Saved the draft of “Financial plan”.'));
    const input = JSON.parse(String(requests[0].init.body)).variables.input;
    expect(input).toMatchObject({ id: 'paper-1', isPublic: false, purpose: 'DECISION', bodyMarkdown: '## Plan' });
    expect(input.impacts).toEqual([
      { area: 'quality', applies: false, detail: '' },
      { area: 'equality', applies: false, detail: '' },
      { area: 'privacy', applies: false, detail: '' },
      { area: 'financial', applies: true, detail: '£1.2m savings' },
      { area: 'legal', applies: false, detail: '' },
      { area: 'sustainability', applies: false, detail: '' },
    ]);
  });

  it('warns that changing an approved paper makes a new version', () => {
    render(<CoverSheetForm paper={paper} version={{ ...version, approvedAt: '2026-06-01T10:00:00Z' }} onSaved={vi.fn()} />);
    expect(screen.getByText(/Saving a change makes version 2/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save as a new version' })).toBeTruthy();
  });
});

describe('AppendicesSection', () => {
  it('shows why an appendix cannot go in the pack, in a warning callout', () => {
    render(
      <MemoryRouter>
        <AppendicesSection
          paper={paper}
          canAdd={false}
          onChanged={vi.fn()}
          appendices={[
            {
              id: 'QXBwZW5kaXg6MQ',
              title: 'Scanned minutes',
              kind: 'PDF',
              pageCount: null,
              problem: 'The PDF has 301 pages; an appendix can have at most 300.',
              file: {
                filename: 'minutes.pdf',
                contentType: 'application/pdf',
                sizeBytes: 2048,
                url: '/files/1',
                inspectionNote: 'Removed from the PDF: JavaScript.',
                conversion: null,
              },
            },
          ]}
        />
      </MemoryRouter>,
    );
    const callout = screen.getByRole('heading', { name: /This appendix cannot go in the pack/ }).closest('.nhsuk-warning-callout');
    expect(callout?.textContent).toContain('The PDF has 301 pages');
    expect(screen.getByText('Removed from the PDF: JavaScript.')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Scanned minutes/ }).getAttribute('href')).toBe('/files/1');
  });
});

describe('paperActions', () => {
  it('lets the author submit a draft and the sponsor approve or return a submitted paper', () => {
    expect(paperActions(paper).map((action) => action.label)).toEqual(['Submit to sponsor']);
    const submitted = { ...paper, status: 'SUBMITTED' as const };
    expect(paperActions(submitted).map((action) => action.label)).toEqual(['Take it back to change it']);
    const forSponsor = { ...submitted, viewerCanWrite: false, viewerCanApprove: true };
    expect(paperActions(forSponsor).map((action) => action.to)).toEqual(['APPROVED', 'DRAFT']);
    expect(paperActions({ ...paper, status: 'APPROVED' })).toEqual([]);
  });
});

describe('PaperActions', () => {
  it('names the blank parts of the cover sheet, each a link to its field, and shows the refusal to submit', async () => {
    fakeServer({
      'graphql:MovePaper': {
        body: {
          data: {
            movePaper: {
              paper: null,
              errors: [{ field: null, message: 'Complete the cover sheet before submitting the paper. Missing: executive summary.' }],
            },
          },
        },
      },
    });
    const blank = { ...paper, currentVersion: { ...version, missingCoverSheetFields: ['executiveSummary', 'publicInvolvement'] } };
    render(
      <>
        <PaperActions paper={blank} onChanged={vi.fn()} />
        <textarea id="cover-sheet-executiveSummary" aria-label="Executive summary" />
      </>,
    );
    const callout = screen.getByRole('heading', { name: /Complete the cover sheet before you submit it/ }).closest('.nhsuk-warning-callout')!;
    const links = within(callout as HTMLElement).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Executive summary', '#cover-sheet-executiveSummary'],
      ['Patient and public involvement to date', '#cover-sheet-publicInvolvement'],
    ]);
    fireEvent.click(links[0]);
    expect(document.activeElement?.id).toBe('cover-sheet-executiveSummary');

    fireEvent.click(screen.getByRole('button', { name: 'Submit to sponsor' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Missing: executive summary.');
  });

  it('says nothing of the cover sheet to a reader who cannot write the paper', () => {
    const reader = {
      ...paper,
      viewerCanWrite: false,
      currentVersion: { ...version, missingCoverSheetFields: ['executiveSummary'] },
    };
    render(<PaperActions paper={reader} onChanged={vi.fn()} />);
    expect(screen.queryByText(/Complete the cover sheet/)).toBeNull();
  });
});
