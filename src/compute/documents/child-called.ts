/**
 * What a document calls the child after the first mention (issue 11: the full
 * legal name again and again reads like a form): the preferred name the case
 * records, else the first name of the legal name.
 */
export function childCalled(child: { readonly name: string; readonly preferred_name?: string | null | undefined }): string {
  return child.preferred_name ?? child.name.trim().split(/\s+/)[0] ?? child.name;
}
