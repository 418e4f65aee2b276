import type { ReactNode } from 'react';

interface ControlledCheckboxesProps {
  id: string;
  legend: ReactNode;
  hint?: string;
  error?: string;
  items: { value: string; label: ReactNode }[];
  checked: readonly string[];
  onChange: (checked: string[]) => void;
  small?: boolean;
}

/** NHS.UK checkboxes whose ticks the builder holds in its state. */
export function ControlledCheckboxes({ id, legend, hint, error, items, checked, onChange, small }: ControlledCheckboxesProps) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div className="nhsuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        )}
        {error && (
          <span className="nhsuk-error-message" id={`${id}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        )}
        <div className={`nhsuk-checkboxes${small ? ' app-checkboxes--small' : ''}`}>
          {items.map((item, index) => {
            const itemId = index ? `${id}-${index + 1}` : id;
            return (
              <div className="nhsuk-checkboxes__item" key={item.value}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={itemId}
                  type="checkbox"
                  value={item.value}
                  checked={checked.includes(item.value)}
                  onChange={(event) =>
                    onChange(
                      event.target.checked
                        ? [...checked.filter((value) => value !== item.value), item.value]
                        : checked.filter((value) => value !== item.value),
                    )
                  }
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={itemId}>
                  {item.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
