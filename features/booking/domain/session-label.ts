/**
 * A session type as a client reads it in one line: its name, with the length added only when
 * the name does not already say it. The seeded names carry it (オンラインセッション（60分）),
 * so 「オンラインセッション（60分）・60分」 would say it twice; a name the counselor writes
 * without it (初回相談) becomes 初回相談・50分.
 */
export function sessionTypeLabel(type: { name: string; durationMinutes: number }): string {
  const minutes = `${type.durationMinutes}分`;
  const normalized = type.name.normalize('NFKC');
  return normalized.includes(minutes) ? type.name : `${type.name}・${minutes}`;
}
