import { SelectField } from '../../fields';
import { pickedKinds, scaleOf } from '../scales';
import { ControlledCheckboxes } from './ControlledCheckboxes';
import type { BuilderCondition, BuilderQuestion } from './model';

interface ConditionEditorProps {
  id: string;
  /** What is shown or hidden, in words: "question 4", "section 2". */
  subject: string;
  condition: BuilderCondition | null;
  /** The questions before this one, in order, with their numbers. */
  earlier: { question: BuilderQuestion; number: number }[];
  onChange: (condition: BuilderCondition | null) => void;
}

/** Branching: show this only when an earlier question answered from a list has one of the chosen answers. */
export function ConditionEditor({ id, subject, condition, earlier, onChange }: ConditionEditorProps) {
  const candidates = earlier.filter(({ question }) => pickedKinds.includes(question.kind));
  const target = condition && earlier.find(({ question }) => question.key === condition.questionKey)?.question;
  const scale = target ? scaleOf(target.kind, target.options) : [];
  return (
    <div className="app-builder-condition">
      <SelectField
        id={id}
        label={`Show ${subject}`}
        hint={candidates.length ? undefined : 'Branching needs an earlier question answered from a list.'}
        value={condition?.questionKey ?? ''}
        onChange={(event) => {
          const key = event.target.value;
          const chosen = earlier.find(({ question }) => question.key === key)?.question;
          onChange(
            chosen
              ? { questionKey: key, statementKey: chosen.kind === 'MATRIX' ? (chosen.statements[0]?.key ?? null) : null, anyOf: [] }
              : null,
          );
        }}
      >
        <option value="">To everyone</option>
        {candidates.map(({ question, number }) => (
          <option key={question.key} value={question.key}>
            Only after certain answers to question {number}: {question.prompt || question.key}
          </option>
        ))}
        {condition && !target && <option value={condition.questionKey}>Only after answers to {condition.questionKey} (not an earlier question)</option>}
      </SelectField>
      {condition && target?.kind === 'MATRIX' && (
        <SelectField
          id={`${id}-statement`}
          label="Which statement"
          value={condition.statementKey ?? ''}
          onChange={(event) => onChange({ ...condition, statementKey: event.target.value, anyOf: [] })}
        >
          {target.statements.map((statement) => (
            <option key={statement.key} value={statement.key}>
              {statement.label || statement.key}
            </option>
          ))}
        </SelectField>
      )}
      {condition && target && (
        <ControlledCheckboxes
          id={`${id}-answers`}
          legend={`Answers that show ${subject}`}
          items={scale.map((option) => ({ value: option.key, label: option.label || option.key }))}
          checked={condition.anyOf}
          onChange={(anyOf) => onChange({ ...condition, anyOf })}
          small
        />
      )}
    </div>
  );
}
