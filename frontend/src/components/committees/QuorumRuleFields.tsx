import type { FormError } from '../../api/client';
import { capitalise, memberCategories, memberCategoryPlural } from '../../vocabulary';
import { errorFor } from '../ErrorSummary';
import { Checkbox, TextField } from '../fields';
import { categoryField, type QuorumRuleDraft } from './quorumRule';

interface QuorumRuleFieldsProps {
  /** The form's id prefix: the minimum's input is `${idPrefix}-quorumRule`, where the API's errors point. */
  idPrefix: string;
  errors: FormError[];
  joint: boolean;
  initial?: QuorumRuleDraft;
}

/** The quorum rule builder: a minimum of voting members, minimums per category and (joint committees) each party. */
export function QuorumRuleFields({ idPrefix, errors, joint, initial }: QuorumRuleFieldsProps) {
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
      {joint && (
        <Checkbox
          id={`${idPrefix}-eachParty`}
          name="eachParty"
          label="At least one voting member from each party"
          defaultChecked={initial?.eachParty ?? true}
          error={errorFor(errors, 'eachParty')}
        />
      )}
    </fieldset>
  );
}
