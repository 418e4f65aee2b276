/** Which questions a respondent sees, as the server decides it: a condition on an earlier answer. */

export interface Condition {
  questionKey: string;
  statementKey?: string | null;
  anyOf: readonly string[];
}

export interface BranchingSection {
  showIf?: Condition | null;
  questions: readonly { key: string; showIf?: Condition | null }[];
}

/** What has been picked, by `${questionKey}|${statementKey or ''}`. */
export type Picked = Record<string, readonly string[]>;

export function pickedKey(questionKey: string, statementKey?: string | null): string {
  return `${questionKey}|${statementKey ?? ''}`;
}

function met(condition: Condition | null | undefined, picked: Picked, shown: Set<string>): boolean {
  if (!condition) return true;
  if (!shown.has(condition.questionKey)) return false;
  const answer = picked[pickedKey(condition.questionKey, condition.statementKey)] ?? [];
  return answer.some((value) => condition.anyOf.includes(value));
}

/** The keys of the questions shown, in order; a hidden question hides those that depend on it. */
export function shownQuestions(sections: readonly BranchingSection[], picked: Picked): Set<string> {
  const shown = new Set<string>();
  for (const section of sections) {
    if (!met(section.showIf, picked, shown)) continue;
    for (const question of section.questions) {
      if (met(question.showIf, picked, shown)) shown.add(question.key);
    }
  }
  return shown;
}
