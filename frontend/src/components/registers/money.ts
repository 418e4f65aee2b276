/** "25", "25.5", "£25.50" → pence; anything else, or a negative amount, → null. */
export function poundsToPence(text: string): number | null {
  const match = /^£?\s*(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/,/g, ''));
  if (!match) return null;
  const pence = Number(match[2] ?? '0') * (match[2]?.length === 1 ? 10 : 1);
  return Number(match[1]) * 100 + pence;
}
