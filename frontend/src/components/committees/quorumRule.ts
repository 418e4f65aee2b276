import type { FormError } from '../../api/client';
import type { MemberCategory, QuorumRuleInput } from '../../generated/graphql';
import { memberCategories, memberCategoryPlural } from '../../vocabulary';

/** The form fields of a quorum rule, as typed. */
export interface QuorumRuleDraft {
  minimumVoting: string;
  categories: Partial<Record<MemberCategory, string>>;
  eachParty: boolean;
}

/** The form field (and input id suffix) for one category's minimum. */
export function categoryField(category: MemberCategory): string {
  return `quorumRule-${category}`;
}

/** Reads a rule's fields from a submitted form (see QuorumRuleFields). */
export function quorumDraftFrom(values: FormData): QuorumRuleDraft {
  const text = (name: string) => String(values.get(name) ?? '').trim();
  return {
    minimumVoting: text('minimumVoting'),
    categories: Object.fromEntries(memberCategories.map((category) => [category, text(categoryField(category))])),
    eachParty: values.get('eachParty') === 'yes',
  };
}

/** A rule as it stands, to fill the form in with. */
export function draftFromRule(rule: {
  minimumVoting: number;
  categoryMinimums: { category: MemberCategory; count: number }[];
  eachParty: boolean;
}): QuorumRuleDraft {
  return {
    minimumVoting: String(rule.minimumVoting),
    categories: Object.fromEntries(rule.categoryMinimums.map(({ category, count }) => [category, String(count)])),
    eachParty: rule.eachParty,
  };
}

const wholeNumber = /^\d{1,3}$/;

/**
 * Turns what was typed into the API's QuorumRuleInput, or says which field is not a whole number.
 * Empty and zero category minimums are left out; "each party" counts only for joint committees. Whether
 * the numbers make sense together is the API's to say.
 */
export function toQuorumRuleInput(
  draft: QuorumRuleDraft,
  { joint }: { joint: boolean },
): { rule: QuorumRuleInput; errors: FormError[] } {
  const errors: FormError[] = [];
  if (!wholeNumber.test(draft.minimumVoting) || Number(draft.minimumVoting) < 1) {
    errors.push({
      field: 'quorumRule',
      message: 'Enter the minimum number of voting members present as a whole number, like 3',
    });
  }
  const categoryMinimums: QuorumRuleInput['categoryMinimums'] = [];
  for (const category of memberCategories) {
    const count = draft.categories[category] ?? '';
    if (!count) continue;
    if (!wholeNumber.test(count)) {
      errors.push({
        field: categoryField(category),
        message: `Enter the minimum number of ${memberCategoryPlural[category]} as a whole number, or leave it empty`,
      });
    } else if (Number(count) > 0) {
      categoryMinimums.push({ category, count: Number(count) });
    }
  }
  return {
    rule: { minimumVoting: Number(draft.minimumVoting) || 0, categoryMinimums, eachParty: joint && draft.eachParty },
    errors,
  };
}
