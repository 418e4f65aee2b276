import { type MouseEvent, useState } from 'react';
import { type FormError, request } from '../../api/client';
import { quorumRuleInWordsQuery } from '../../api/committees';
import {
  capitalise,
  memberCategories,
  memberCategoryInWords,
  memberCategoryPlural,
  officeInWords,
  offices,
  quorumFractionInWords,
} from '../../vocabulary';
import { errorFor } from '../ErrorSummary';
import { Checkbox, Checkboxes, SelectField, TextField } from '../fields';
import { categoryField, type QuorumRuleDraft, quorumDraftFrom, toQuorumRuleInput } from './quorumRule';

interface QuorumRuleFieldsProps {
  /** The form's id prefix: the minimum's input is `${idPrefix}-quorumRule`, where the API's errors point. */
  idPrefix: string;
  errors: FormError[];
  joint: boolean;
  initial?: QuorumRuleDraft;
}

/**
 * The quorum rule builder, clause by clause as terms of reference write them: a minimum of voting members,
 * minimums per category, a group of which some must come, named offices, the chair or vice chair, a clinical
 * majority, a fraction of the membership and (joint committees) each party. Every clause chosen must be met.
 */
export function QuorumRuleFields({ idPrefix, errors, joint, initial }: QuorumRuleFieldsProps) {
  const [wording, setWording] = useState('');

  /** Reads the rule as the form stands back as a sentence (or says what is wrong), saving nothing. */
  async function readBack(event: MouseEvent<HTMLButtonElement>) {
    const form = event.currentTarget.form;
    if (!form) return;
    const { rule, errors: typed } = toQuorumRuleInput(quorumDraftFrom(new FormData(form)), { joint });
    if (typed.length) {
      setWording(typed.map((error) => error.message).join('. '));
      return;
    }
    try {
      const { quorumRuleInWords } = await request(quorumRuleInWordsQuery, { rule, joint });
      setWording(quorumRuleInWords.inWords ?? quorumRuleInWords.errors.map((error) => error.message).join(' '));
    } catch {
      setWording('The rule could not be read back just now; it is checked again when you save.');
    }
  }

  return (
    <fieldset className="nhsuk-fieldset app-quorum-rule" aria-describedby={`${idPrefix}-quorum-hint`}>
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Quorum</legend>
      <div className="nhsuk-hint" id={`${idPrefix}-quorum-hint`}>
        When a meeting may decide. Only voting members count towards quorum.
      </div>
      <TextField
        id={`${idPrefix}-quorumRule`}
        name="minimumVoting"
        label="Minimum number of voting members present"
        inputMode="numeric"
        className="nhsuk-input--width-3"
        autoComplete="off"
        defaultValue={initial?.minimumVoting}
        error={errorFor(errors, 'quorumRule')}
      />
      <fieldset className="nhsuk-fieldset" aria-describedby={`${idPrefix}-categories-hint`}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
          Minimum number present of each kind of member
        </legend>
        <div className="nhsuk-hint" id={`${idPrefix}-categories-hint`}>
          For example, at least one lay member and one GP. Leave empty where there is no minimum.
        </div>
        <div className="app-quorum-rule__categories">
          {memberCategories.map((category) => (
            <TextField
              key={category}
              id={`${idPrefix}-${categoryField(category)}`}
              name={categoryField(category)}
              label={capitalise(memberCategoryPlural[category])}
              inputMode="numeric"
              className="nhsuk-input--width-3"
              autoComplete="off"
              defaultValue={initial?.categories[category]}
              error={errorFor(errors, categoryField(category))}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="nhsuk-fieldset" aria-describedby={`${idPrefix}-pool-hint`}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Some of a group of members</legend>
        <div className="nhsuk-hint" id={`${idPrefix}-pool-hint`}>
          For example, “two of the lay members, nurse and secondary care doctor”. Leave empty if there is no such clause.
        </div>
        <TextField
          id={`${idPrefix}-poolCount`}
          name="poolCount"
          label="How many of the group must be present"
          inputMode="numeric"
          className="nhsuk-input--width-3"
          autoComplete="off"
          defaultValue={initial?.poolCount}
          error={errorFor(errors, 'poolCount')}
        />
        <Checkboxes
          id={`${idPrefix}-poolCategories`}
          name="poolCategories"
          legend="Members in the group"
          error={errorFor(errors, 'poolCategories')}
          items={memberCategories.map((category) => ({
            value: category,
            label: memberCategoryInWords[category],
            defaultChecked: initial?.poolCategories.includes(category),
          }))}
        />
      </fieldset>
      <Checkboxes
        id={`${idPrefix}-offices`}
        name="offices"
        legend="One of these office holders present"
        hint="For example, “the accountable officer or the chief finance officer”. Leave all unticked if there is no such clause."
        error={errorFor(errors, 'offices')}
        items={offices.map((office) => ({
          value: office,
          label: officeInWords[office],
          defaultChecked: initial?.offices.includes(office),
        }))}
      />
      <Checkbox
        id={`${idPrefix}-chairOrViceChair`}
        name="chairOrViceChair"
        label="The chair or the vice chair present"
        defaultChecked={initial?.chairOrViceChair ?? false}
      />
      <Checkbox
        id={`${idPrefix}-clinicalMajority`}
        name="clinicalMajority"
        label="A clinical majority of the voting members present"
        hint="GPs, nurses and secondary care doctors are more than half of those counted"
        defaultChecked={initial?.clinicalMajority ?? false}
      />
      <SelectField
        id={`${idPrefix}-fraction`}
        name="fraction"
        label="A fraction of the voting membership present"
        hint="Rounded up: a third of nine voting members is three"
        defaultValue={initial?.fraction ?? ''}
        error={errorFor(errors, 'fraction')}
      >
        <option value="">No fraction</option>
        {Object.entries(quorumFractionInWords).map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </SelectField>
      {joint && (
        <Checkbox
          id={`${idPrefix}-eachParty`}
          name="eachParty"
          label="At least one voting member from each party"
          defaultChecked={initial?.eachParty ?? true}
          error={errorFor(errors, 'eachParty')}
        />
      )}
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={readBack}>
        Read the rule back
      </button>
      <div aria-live="polite" id={`${idPrefix}-quorum-wording`}>
        {wording && (
          <div className="nhsuk-inset-text">
            <p>{wording}</p>
          </div>
        )}
      </div>
    </fieldset>
  );
}
