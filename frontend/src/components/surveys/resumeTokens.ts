/** An anonymous survey's resume token is the only link to the respondent's answers: kept on this device only. */

function storageKey(surveyId: string): string {
  return `quorum:survey-token:${surveyId}`;
}

export function readResumeToken(surveyId: string): string | null {
  try {
    return window.localStorage.getItem(storageKey(surveyId));
  } catch {
    return null;
  }
}

export function keepResumeToken(surveyId: string, token: string): void {
  try {
    window.localStorage.setItem(storageKey(surveyId), token);
  } catch {
    // Private browsing may refuse storage; the answers are still sent.
  }
}
