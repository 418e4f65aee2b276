/** One enhanced service a line, as typed: blank lines and repeats dropped, spaces trimmed. */
export function enhancedServicesFrom(text: string): string[] {
  const seen = new Set<string>();
  const services: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const service = line.trim().replace(/\s+/g, ' ');
    if (!service || seen.has(service.toLowerCase())) continue;
    seen.add(service.toLowerCase());
    services.push(service);
  }
  return services;
}
