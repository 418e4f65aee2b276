import type { QuestionKind } from '../../../generated/graphql';
import { SelectField, TextArea, TextField } from '../../fields';
import { kindInWords } from '../scales';
import { ConditionEditor } from './ConditionEditor';
import { type BuilderQuestion, hasOptions } from './model';
import { OptionsEditor } from './OptionsEditor';

interface QuestionEditorProps {
  question: BuilderQuestion;
  number: number;
  earlier: { question: BuilderQuestion; number: number }[];
  errors: string[];
  fieldId: string;
  onChange: (question: BuilderQuestion) => void;
  onRemove: () => void;
  onMove?: (by: -1 | 1) => void;
  first: boolean;
  last: boolean;
}

const kinds = Object.keys(kindInWords) as QuestionKind[];

export function QuestionEditor({ question, number, earlier, errors, fieldId, onChange, onRemove, onMove, first, last }: QuestionEditorProps) {
  const id = fieldId;
  const set = (change: Partial<BuilderQuestion>) => onChange({ ...question, ...change });
  return (
    <li className={`app-builder-question nhsuk-card${errors.length ? ' app-builder-question--error' : ''}`}>
      <div className="nhsuk-card__content">
        <h4 className="nhsuk-heading-s">Question {number}</h4>
        {errors.map((message) => (
          <p key={message} className="nhsuk-error-message">
            <span className="nhsuk-u-visually-hidden">Error:</span> {message}
          </p>
        ))}
        <TextArea
          id={id}
          label={`Question ${number}: what to ask`}
          rows={2}
          value={question.prompt}
          onChange={(event) => set({ prompt: event.target.value })}
        />
        <SelectField
          id={`${id}-kind`}
          label={`How question ${number} is answered`}
          value={question.kind}
          onChange={(event) => {
            const kind = event.target.value as QuestionKind;
            set({
              kind,
              options: hasOptions(kind) && kind !== 'MATRIX' && question.options.length === 0
                ? [{ key: 'o1', label: '' }, { key: 'o2', label: '' }]
                : question.options,
              statements: kind === 'MATRIX' && question.statements.length === 0 ? [{ key: 's1', label: '' }] : question.statements,
            });
          }}
        >
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {kindInWords[kind]}
            </option>
          ))}
        </SelectField>
        {(question.kind === 'SINGLE_CHOICE' || question.kind === 'MULTIPLE_CHOICE') && (
          <OptionsEditor
            id={`${id}-options`}
            noun="option"
            legend={`Answers to choose from for question ${number}`}
            options={question.options}
            onChange={(options) => set({ options })}
          />
        )}
        {question.kind === 'MATRIX' && (
          <>
            <OptionsEditor
              id={`${id}-statements`}
              noun="statement"
              legend={`Statements of question ${number}`}
              options={question.statements}
              onChange={(statements) => set({ statements })}
            />
            <OptionsEditor
              id={`${id}-options`}
              noun="scale point"
              legend={`Scale of question ${number}`}
              hint="Leave it empty to use the agreement scale (strongly agree to strongly disagree)."
              options={question.options}
              onChange={(options) => set({ options })}
            />
          </>
        )}
        {question.kind === 'NUMBER' && (
          <div className="app-builder-limits">
            <TextField
              id={`${id}-minimum`}
              label="Smallest answer (optional)"
              inputMode="decimal"
              className="nhsuk-input--width-5"
              value={question.minimum}
              onChange={(event) => set({ minimum: event.target.value })}
            />
            <TextField
              id={`${id}-maximum`}
              label="Largest answer (optional)"
              inputMode="decimal"
              className="nhsuk-input--width-5"
              value={question.maximum}
              onChange={(event) => set({ maximum: event.target.value })}
            />
          </div>
        )}
        <TextField
          id={`${id}-help`}
          label="Help text (optional)"
          value={question.helpText}
          onChange={(event) => set({ helpText: event.target.value })}
        />
        <div className="nhsuk-checkboxes nhsuk-form-group">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id={`${id}-required`}
              type="checkbox"
              checked={question.required}
              onChange={(event) => set({ required: event.target.checked })}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-required`}>
              Question {number} must be answered
            </label>
          </div>
        </div>
        <ConditionEditor
          id={`${id}-show-if`}
          subject={`question ${number}`}
          condition={question.showIf}
          earlier={earlier}
          onChange={(showIf) => set({ showIf })}
        />
        <TextField
          id={`${id}-key`}
          label="Key"
          hint="A short name for the question in exports: lower-case letters, digits and _."
          className="nhsuk-input--width-20"
          value={question.key}
          onChange={(event) => set({ key: event.target.value })}
        />
        <div className="app-button-row">
          {onMove && !first && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary app-cell-button" onClick={() => onMove(-1)}>
              Move up<span className="nhsuk-u-visually-hidden"> question {number}</span>
            </button>
          )}
          {onMove && !last && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary app-cell-button" onClick={() => onMove(1)}>
              Move down<span className="nhsuk-u-visually-hidden"> question {number}</span>
            </button>
          )}
          <button type="button" className="nhsuk-button nhsuk-button--warning app-cell-button" onClick={onRemove}>
            Remove question {number}
          </button>
        </div>
      </div>
    </li>
  );
}
