import type { BallotQuery } from '../../generated/graphql';
import { Table } from '../Table';
import { ballotOutcomeInWords, formatCount, formatPercent, outcomeColourOf } from './words';

export type BallotResultsData = NonNullable<NonNullable<BallotQuery['ballot']>['results']>;

export function ResultsSection({ results }: { results: BallotResultsData }) {
  return (
    <section>
      <h2>Results</h2>
      <p>
        {results.valid
          ? 'Turnout reached the threshold: the result is valid.'
          : 'Turnout fell short of the threshold: the result is not valid, and nothing is carried or elected.'}
      </p>
      {results.questions.map((result, index) => {
        const election = result.question.kind === 'ELECTION';
        return (
          <section key={result.question.id}>
            <h3>
              <span className="nhsuk-caption-m">Question {index + 1}</span>
              {result.question.text}
            </h3>
            <p>
              <strong className={`nhsuk-tag nhsuk-tag--${outcomeColourOf(result.outcome)}`}>
                {ballotOutcomeInWords[result.outcome]}
              </strong>
            </p>
            <p>{result.summary}</p>
            <Table
              caption={`Votes on question ${index + 1}`}
              compact
              head={['Option', 'Practices', 'Patients', 'Share', election ? 'Elected' : 'Note']}
              rows={result.options.map((option) => ({
                key: option.option.id,
                cells: [
                  option.option.label,
                  formatCount(option.votes),
                  formatCount(option.weight),
                  formatPercent(option.percent),
                  option.tied ? 'Tied' : option.elected ? 'Elected' : '',
                ],
              }))}
            />
          </section>
        );
      })}
    </section>
  );
}

type NamedVotes = NonNullable<NonNullable<BallotQuery['ballot']>['namedVotes']>;

/** A named ballot, once closed: how each practice voted, and who cast it. */
export function NamedVotesSection({ namedVotes }: { namedVotes: NamedVotes }) {
  return (
    <section>
      <h2>How each practice voted</h2>
      {namedVotes.totalCount === 0 ? (
        <p>No practice voted.</p>
      ) : (
        <>
          <Table
            caption="How each practice voted"
            compact
            head={['Practice', 'Votes', 'Cast by']}
            rows={namedVotes.edges.map(({ node }, index) => ({
              key: node.practice?.id ?? String(index),
              cells: [
                node.practice ? `${node.practice.name} (${node.practice.odsCode})` : '',
                <ul className="nhsuk-list app-cell-list">
                  {(node.answers ?? []).map((answer) => (
                    <li key={answer.question.id}>
                      Question {answer.question.position}:{' '}
                      {[...answer.options]
                        .sort((a, b) => a.position - b.position)
                        .map((option) => option.label)
                        .join(', ')}
                    </li>
                  ))}
                </ul>,
                `${node.castBy?.name ?? ''}${node.asProxy ? ' (proxy)' : ''}`,
              ],
            }))}
          />
          {namedVotes.totalCount > namedVotes.edges.length && (
            <p>The first {formatCount(namedVotes.edges.length)} are shown; the export lists them all.</p>
          )}
        </>
      )}
    </section>
  );
}
