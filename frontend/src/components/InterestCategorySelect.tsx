import { interestCategories, interestCategoryInWords } from '../vocabulary';
import { SelectField } from './fields';

/** "Kind of interest": the four categories of the conflicts guidance, for every form that declares one. */
export function InterestCategorySelect({ id, error }: { id: string; error?: string }) {
  return (
    <SelectField id={id} name="category" label="Kind of interest" defaultValue="" error={error}>
      <option value="">Choose a kind</option>
      {interestCategories.map((value) => (
        <option key={value} value={value}>
          {interestCategoryInWords[value]}
        </option>
      ))}
    </SelectField>
  );
}
