import type { ConversionStatus as Status } from '../../generated/graphql';
import { conversionStatusColour, conversionStatusInWords } from '../../vocabulary';

interface Conversion {
  status: Status;
  problem?: string | null;
  pageCount?: number | null;
}

/** Where a Word or Excel file is on its way to becoming pages of the pack, and why it did not if it failed. */
export function ConversionStatus({ conversion, what }: { conversion: Conversion | null | undefined; what: string }) {
  if (!conversion) return null;
  const pages = conversion.pageCount ? ` (${conversion.pageCount} ${conversion.pageCount === 1 ? 'page' : 'pages'})` : '';
  return (
    <>
      <strong className={`nhsuk-tag nhsuk-tag--${conversionStatusColour[conversion.status]}`}>
        <span className="nhsuk-u-visually-hidden">{what}: </span>
        {conversionStatusInWords[conversion.status]}
        {conversion.status === 'DONE' ? pages : ''}
      </strong>
      {conversion.status === 'PENDING' && (
        <p className="nhsuk-body-s">The pack will include its pages; this takes a few seconds. Reload to check.</p>
      )}
      {conversion.status === 'FAILED' && conversion.problem && (
        <p className="nhsuk-body-s app-inspection-note">
          {conversion.problem} The pack will show a page saying it could not be included.
        </p>
      )}
    </>
  );
}
