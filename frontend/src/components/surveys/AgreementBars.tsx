interface Figure {
  key: string;
  label: string;
  count: number;
  percent: number;
}

export function formatPercent(percent: number | null | undefined): string {
  if (percent === null || percent === undefined) return '';
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;
}

/**
 * A bar chart drawn with HTML and CSS: each bar's length is its percentage, and the numbers are in the
 * text beside it, so screen readers read the figures rather than the drawing.
 */
export function AgreementBars({ label, options }: { label: string; options: readonly Figure[] }) {
  return (
    <figure className="app-bars">
      <figcaption className="nhsuk-body-s app-bars__caption">{label}</figcaption>
      <ul className="nhsuk-list app-bars__list">
        {options.map((option) => (
          <li key={option.key} className="app-bars__row">
            <span className="app-bars__label">
              {option.label}: {option.count} ({formatPercent(option.percent)})
            </span>
            <span className="app-bars__track" aria-hidden="true">
              <span
                className={`app-bars__bar app-bars__bar--${option.key.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`}
                style={{ width: `${Math.max(0, Math.min(100, option.percent))}%` }}
              />
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
