import {
  type ChangeEvent,
  Fragment,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
}

function classes(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

function describedBy({ id, hint, error }: FieldProps): string | undefined {
  return classes(!!hint && `${id}-hint`, !!error && `${id}-error`) || undefined;
}

function FormGroup({ id, label, hint, error, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={classes('nhsuk-form-group', !!error && 'nhsuk-form-group--error')}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
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
      {children}
    </div>
  );
}

type InputProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

export function TextField({ id, label, hint, error, className, ...input }: InputProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        className={classes('nhsuk-input', !!error && 'nhsuk-input--error', className)}
        aria-describedby={describedBy({ id, label, hint, error })}
        {...input}
      />
    </FormGroup>
  );
}

export function FileField({ id, label, hint, error, ...input }: InputProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        type="file"
        className="nhsuk-file-upload__input"
        aria-describedby={describedBy({ id, label, hint, error })}
        {...input}
      />
    </FormGroup>
  );
}

type SelectProps = FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>;

export function SelectField({ id, label, hint, error, className, children, ...select }: SelectProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        className={classes('nhsuk-select', !!error && 'nhsuk-select--error', className)}
        aria-describedby={describedBy({ id, label, hint, error })}
        {...select}
      >
        {children}
      </select>
    </FormGroup>
  );
}

type TextAreaProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

export function TextArea({ id, label, hint, error, className, rows = 5, ...textarea }: TextAreaProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        rows={rows}
        className={classes('nhsuk-textarea', !!error && 'nhsuk-textarea--error', className)}
        aria-describedby={describedBy({ id, label, hint, error })}
        {...textarea}
      />
    </FormGroup>
  );
}

export interface CheckboxItem {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
  defaultChecked?: boolean;
}

interface CheckboxesProps {
  /** The first box's id (so an error summary can link to it); the others add -2, -3 and so on. */
  id: string;
  name: string;
  legend: string;
  hint?: ReactNode;
  error?: string;
  items: CheckboxItem[];
}

/** A group of checkboxes in a fieldset, as the NHS.UK checkboxes component draws them. */
export function Checkboxes({ id, name, legend, hint, error, items }: CheckboxesProps) {
  return (
    <div className={classes('nhsuk-form-group', !!error && 'nhsuk-form-group--error')}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy({ id, label: legend, hint, error })}>
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
        <div className="nhsuk-checkboxes">
          {items.map((item, index) => {
            const itemId = index ? `${id}-${index + 1}` : id;
            return <CheckboxItemView key={item.value} id={itemId} name={name} item={item} />;
          })}
        </div>
      </fieldset>
    </div>
  );
}

function CheckboxItemView({ id, name, item }: { id: string; name: string; item: CheckboxItem }) {
  return (
    <div className="nhsuk-checkboxes__item">
      <input
        className="nhsuk-checkboxes__input"
        id={id}
        name={name}
        type="checkbox"
        value={item.value}
        disabled={item.disabled}
        defaultChecked={item.defaultChecked}
        aria-describedby={item.hint ? `${id}-item-hint` : undefined}
      />
      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
        {item.label}
      </label>
      {item.hint && (
        <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-item-hint`}>
          {item.hint}
        </div>
      )}
    </div>
  );
}

interface CheckboxProps {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultChecked?: boolean;
  onChange?: (event: ChangeEvent<HTMLInputElement>) => void;
}

/** One checkbox standing alone, such as "Voting member". Its value is "yes" when ticked. */
export function Checkbox({ id, name, label, hint, error, defaultChecked, onChange }: CheckboxProps) {
  return (
    <div className={classes('nhsuk-form-group', !!error && 'nhsuk-form-group--error')}>
      {error && (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      )}
      <div className="nhsuk-checkboxes">
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id={id}
            name={name}
            type="checkbox"
            value="yes"
            defaultChecked={defaultChecked}
            onChange={onChange}
            aria-describedby={classes(!!hint && `${id}-item-hint`, !!error && `${id}-error`) || undefined}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint && (
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-item-hint`}>
              {hint}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

export interface RadioItem {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown below the item while it is chosen (the NHS.UK conditional reveal). */
  conditional?: ReactNode;
}

interface RadiosProps {
  /** The first radio's id (so an error summary can link to it); the others add -2, -3 and so on. */
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  items: RadioItem[];
  /** The chosen value, for radios whose choice shows or hides something; else use defaultValue. */
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  inline?: boolean;
}

/** A group of radios in a fieldset, as the NHS.UK radios component draws them. */
export function Radios(props: RadiosProps) {
  const { id, name, legend, hint, error, items, value, defaultValue, onChange, inline = false } = props;
  const controlled = value !== undefined;
  return (
    <div className={classes('nhsuk-form-group', !!error && 'nhsuk-form-group--error')}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy({ id, label: '', hint, error })}>
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
        <div className={classes('nhsuk-radios', inline && 'nhsuk-radios--inline')}>
          {items.map((item, index) => {
            const itemId = index ? `${id}-${index + 1}` : id;
            const checked = controlled ? value === item.value : undefined;
            return (
              <Fragment key={item.value}>
                <div className="nhsuk-radios__item">
                  <input
                    className="nhsuk-radios__input"
                    id={itemId}
                    name={name}
                    type="radio"
                    value={item.value}
                    checked={checked}
                    defaultChecked={controlled ? undefined : defaultValue === item.value}
                    onChange={onChange ? () => onChange(item.value) : undefined}
                    aria-describedby={item.hint ? `${itemId}-item-hint` : undefined}
                    aria-controls={item.conditional ? `${itemId}-conditional` : undefined}
                  />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={itemId}>
                    {item.label}
                  </label>
                  {item.hint && (
                    <div className="nhsuk-hint nhsuk-radios__hint" id={`${itemId}-item-hint`}>
                      {item.hint}
                    </div>
                  )}
                </div>
                {item.conditional && (
                  <div
                    className={classes('nhsuk-radios__conditional', !checked && 'nhsuk-radios__conditional--hidden')}
                    id={`${itemId}-conditional`}
                  >
                    {item.conditional}
                  </div>
                )}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
