import { freshKey, type BuilderOption } from './model';

interface OptionsEditorProps {
  id: string;
  /** "option", "statement" or "scale point". */
  noun: string;
  legend: string;
  hint?: string;
  options: BuilderOption[];
  onChange: (options: BuilderOption[]) => void;
}

/** A list of labelled answers (or statements); each keeps its key, so branching and results survive relabelling. */
export function OptionsEditor({ id, noun, legend, hint, options, onChange }: OptionsEditorProps) {
  return (
    <div className="nhsuk-form-group">
      <fieldset className="nhsuk-fieldset" aria-describedby={hint ? `${id}-hint` : undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div className="nhsuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        )}
        <ol className="nhsuk-list app-builder-options">
          {options.map((option, index) => (
            <li key={option.key}>
              <label className="nhsuk-label" htmlFor={`${id}-${index + 1}`}>
                {noun[0].toUpperCase() + noun.slice(1)} {index + 1}
              </label>
              <div className="app-builder-option-row">
                <input
                  id={`${id}-${index + 1}`}
                  className="nhsuk-input"
                  value={option.label}
                  onChange={(event) =>
                    onChange(options.map((o, i) => (i === index ? { ...o, label: event.target.value } : o)))
                  }
                />
                <button
                  type="button"
                  className="nhsuk-button nhsuk-button--secondary app-cell-button"
                  onClick={() => onChange(options.filter((_, i) => i !== index))}
                >
                  Remove<span className="nhsuk-u-visually-hidden"> {noun} {index + 1}</span>
                </button>
              </div>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary app-cell-button"
          onClick={() => onChange([...options, { key: freshKey(noun === 'statement' ? 's' : 'o', options.map((o) => o.key)), label: '' }])}
        >
          Add {noun === 'option' ? 'an option' : `a ${noun}`}
        </button>
      </fieldset>
    </div>
  );
}
