import type { BallotOutcome, BallotStatus } from '../../generated/graphql';

export const ballotStatusInWords: Record<BallotStatus, string> = {
  SCHEDULED: 'Not yet open',
  OPEN: 'Open',
  CLOSED: 'Closed',
};

export const ballotStatusColour: Record<BallotStatus, string> = {
  SCHEDULED: 'grey',
  OPEN: 'green',
  CLOSED: 'blue',
};

export const ballotOutcomeInWords: Record<BallotOutcome, string> = {
  CARRIED: 'Carried',
  NOT_CARRIED: 'Not carried',
  TIED: 'Tied',
  ELECTED: 'Elected',
  NONE_ELECTED: 'None elected',
  NOT_VALID: 'Not valid: turnout too low',
};

const outcomeColour: Record<BallotOutcome, string> = {
  CARRIED: 'green',
  NOT_CARRIED: 'red',
  TIED: 'yellow',
  ELECTED: 'green',
  NONE_ELECTED: 'grey',
  NOT_VALID: 'red',
};

export function outcomeColourOf(outcome: BallotOutcome): string {
  return outcomeColour[outcome];
}

const whole = new Intl.NumberFormat('en-GB');
const share = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return whole.format(value);
}

/** 66.66… → "66.7%"; null → "" (a share that cannot be worked out). */
export function formatPercent(value: number | null | undefined): string {
  return value == null ? '' : `${share.format(value)}%`;
}
