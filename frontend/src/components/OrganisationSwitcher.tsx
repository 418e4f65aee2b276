import { useSession } from '../session';

export function OrganisationSwitcher() {
  const { organisations, currentOrganisation, chooseOrganisation } = useSession();
  return (
    <div className="app-organisation-switcher">
      <label className="app-organisation-switcher__label" htmlFor="organisation-switcher">
        Organisation
      </label>
      <select
        id="organisation-switcher"
        className="nhsuk-select app-organisation-switcher__select"
        value={currentOrganisation?.id}
        onChange={(event) => chooseOrganisation(event.target.value)}
      >
        {organisations.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.name}
          </option>
        ))}
      </select>
    </div>
  );
}
