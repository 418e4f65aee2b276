/** The flag on a quorum rule that the committee's current members can never meet, with the reasons. */
export function QuorumCannotBeMet({ reasons }: { reasons: string[] }) {
  if (!reasons.length) return null;
  return (
    <div className="nhsuk-warning-callout">
      <h3 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>The current members can never make a quorum
        </span>
      </h3>
      <p>Even with every voting member present:</p>
      <ul>
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <p>Add the members the rule needs, or change the rule to match the terms of reference.</p>
    </div>
  );
}
