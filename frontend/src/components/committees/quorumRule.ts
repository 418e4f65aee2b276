import type { FormError } from '../../api/client';
import type { MemberCategory, Office, QuorumRuleInput } from '../../generated/graphql';
import { memberCategories, memberCategoryPlural, offices, quorumFractionInWords } from '../../vocabulary';

/**
 * The form fields of a quorum rule, as typed. The form builds one pool ("at least two of the lay members,
 * nurse and secondary care doctor") and one group of offices of which one must be present; the API takes more.
 */
export interface QuorumRuleDraft {
  minimumVoting: string;
  categories: Partial<Record<MemberCategory, string>>;
  eachParty: boolean;
  poolCount: string;
  poolCategories: MemberCategory[];
  offices: Office[];
  chairOrViceChair: boolean;
  clinicalMajority: boolean;
  /** "1/3" and so on, or empty for none. */
  fraction: string;
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
    poolCount: text('poolCount'),
    poolCategories: memberCategories.filter((category) => values.getAll('poolCategories').includes(category)),
    offices: offices.filter((office) => values.getAll('offices').includes(office)),
    chairOrViceChair: values.get('chairOrViceChair') === 'yes',
    clinicalMajority: values.get('clinicalMajority') === 'yes',
    fraction: text('fraction'),
  };
}

/** A rule as it stands, to fill the form in with. */
export function draftFromRule(rule: {
  minimumVoting: number;
  categoryMinimums: { category: MemberCategory; count: number }[];
  eachParty: boolean;
  pools?: { count: number; categories: MemberCategory[] }[];
  officeGroups?: { count: number; offices: Office[] }[];
  chairOrViceChair?: boolean;
  clinicalMajority?: boolean;
  fraction?: { numerator: number; denominator: number } | null;
}): QuorumRuleDraft {
  const pool = rule.pools?.[0];
  return {
    minimumVoting: String(rule.minimumVoting),
    categories: Object.fromEntries(rule.categoryMinimums.map(({ category, count }) => [category, String(count)])),
    eachParty: rule.eachParty,
    poolCount: pool ? String(pool.count) : '',
    poolCategories: pool?.categories ?? [],
    offices: rule.officeGroups?.[0]?.offices ?? [],
    chairOrViceChair: rule.chairOrViceChair ?? false,
    clinicalMajority: rule.clinicalMajority ?? false,
    fraction: rule.fraction ? `${rule.fraction.numerator}/${rule.fraction.denominator}` : '',
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
  const pools: QuorumRuleInput['pools'] = [];
  if (draft.poolCount || draft.poolCategories.length) {
    if (!wholeNumber.test(draft.poolCount) || Number(draft.poolCount) < 1) {
      errors.push({ field: 'poolCount', message: 'Enter how many of the chosen kinds of member must be present, like 2' });
    } else if (draft.poolCategories.length < 2) {
      errors.push({ field: 'poolCategories', message: 'Choose at least two kinds of member for the group' });
    } else {
      pools.push({ count: Number(draft.poolCount), categories: draft.poolCategories });
    }
  }
  const [numerator, denominator] = draft.fraction in quorumFractionInWords ? draft.fraction.split('/').map(Number) : [];
  return {
    rule: {
      minimumVoting: Number(draft.minimumVoting) || 0,
      categoryMinimums,
      eachParty: joint && draft.eachParty,
      pools,
      officeGroups: draft.offices.length ? [{ count: 1, offices: draft.offices }] : [],
      chairOrViceChair: draft.chairOrViceChair,
      clinicalMajority: draft.clinicalMajority,
      fraction: numerator && denominator ? { numerator, denominator } : null,
    },
    errors,
  };
}
