import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fakeServer';
import { BallotPaperForm } from './BallotPaperForm';
import type { PaperQuestion } from './ballotPaper';

const questions: PaperQuestion[] = [
  {
    id: 'q1',
    position: 1,
    kind: 'FOR_AGAINST',
    text: 'Do you approve the revised constitution?',
    seats: 1,
    options: [
      { id: 'for', kind: 'FOR', label: 'For' },
      { id: 'against', kind: 'AGAINST', label: 'Against' },
      { id: 'abstain', kind: 'ABSTAIN', label: 'Abstain' },
    ],
  },
];

const practice = { id: 'p82002', name: 'Kearsley Medical Centre', odsCode: 'P82002' };

function renderPaper(onVoted = vi.fn()) {
  render(
    <BallotPaperForm
      ballotId="ballot-1"
      questions={questions}
      practice={practice}
      namePractice={false}
      asProxy={false}
      initialChoices={{}}
      changing={false}
      onVoted={onVoted}
    />,
  );
  return onVoted;
}

describe('BallotPaperForm', () => {
  it('sends a retry after a lost answer with the same submission key, and reports the outcome', async () => {
    let attempts = 0;
    const requests = fakeServer({
      'graphql:CastBallotVote': () => {
        attempts += 1;
        if (attempts === 1) return { status: 502, body: undefined };
        return {
          body: {
            data: {
              castBallotVote: {
                outcome: 'ALREADY_RECORDED',
                message: 'The vote for Kearsley Medical Centre was already recorded at 10:02; nothing has changed.',
                errors: [],
              },
            },
          },
        };
      },
    });
    const onVoted = renderPaper();

    fireEvent.click(screen.getByLabelText('For'));
    fireEvent.click(screen.getByRole('button', { name: 'Submit vote' }));
    expect(await screen.findByText('Quorum answered with an error (502). Try again later.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Submit vote' }));

    await waitFor(() => expect(onVoted).toHaveBeenCalledOnce());
    expect(onVoted.mock.calls[0][0]).toMatchObject({ outcome: 'ALREADY_RECORDED' });
    const [first, second] = requests.map((request) => JSON.parse(String(request.init.body)).variables.input);
    expect(first.submissionKey).toBeTruthy();
    expect(second.submissionKey).toBe(first.submissionKey);
    expect(second).toEqual({
      ballotId: 'ballot-1',
      practiceId: null,
      answers: [{ questionId: 'q1', optionIds: ['for'] }],
      submissionKey: first.submissionKey,
    });
  });

  it('says which question is unanswered and sends nothing', async () => {
    const requests = fakeServer({});
    renderPaper();
    fireEvent.click(screen.getByRole('button', { name: 'Submit vote' }));
    const link = await screen.findByRole('link', { name: 'Choose for, against or abstain for question 1' });
    expect(link.getAttribute('href')).toBe('#paper-P82002-question-1');
    expect(document.getElementById('paper-P82002-question-1')?.getAttribute('type')).toBe('radio');
    expect(requests).toEqual([]);
  });
});
