import type { BallotQuery } from '../../generated/graphql';
import { SummaryList, SummaryRow } from '../SummaryList';
import { formatCount, formatPercent } from './words';

type Turnout = NonNullable<NonNullable<BallotQuery['ballot']>['turnout']>;

/** "12 of 40 practices have voted: 30% turnout, threshold 50% not yet met." */
export function turnoutInWords(turnout: Turnout, closed: boolean): string {
  const practices = `${formatCount(turnout.votedPractices)} of ${formatCount(turnout.electoratePractices)} practices ${
    closed ? 'voted' : 'have voted'
  }`;
  const threshold = `threshold ${formatPercent(turnout.thresholdPercent)} ${
    turnout.thresholdMet ? 'met' : closed ? 'not met' : 'not yet met'
  }`;
  return `${practices}: ${formatPercent(turnout.percent)} turnout, ${threshold}.`;
}

export function TurnoutSummary({ turnout, closed }: { turnout: Turnout; closed: boolean }) {
  return (
    <>
      <p className="nhsuk-body-l" aria-live="polite" aria-atomic="true">
        {turnoutInWords(turnout, closed)}
      </p>
      <SummaryList>
        <SummaryRow label="Practices voted">
          {formatCount(turnout.votedPractices)} of {formatCount(turnout.electoratePractices)}
        </SummaryRow>
        <SummaryRow label="Registered patients of practices voted">
          {formatCount(turnout.votedWeight)} of {formatCount(turnout.electorateWeight)}
        </SummaryRow>
        <SummaryRow label={turnout.basis === 'LIST_SIZE' ? 'Turnout by registered patients' : 'Turnout by practices'}>
          {formatPercent(turnout.percent)} (needs {formatPercent(turnout.thresholdPercent)})
        </SummaryRow>
      </SummaryList>
    </>
  );
}
