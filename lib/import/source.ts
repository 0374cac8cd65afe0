/**
 * Where an imported report "was seen": a file has no address, but the index keys reports by one
 * (lib/storage), and backups accept only http(s) and file addresses. A file named `national_2024.txt`
 * is stored as `file:///national_2024.txt` (folders kept when the CLI packs a tree), so the library
 * shows the file's name and the same file imported twice is one address. A PDF read from a tab keeps
 * its own http(s) address.
 */
export function fileSourceUrl(name: string): string {
  // "../corpus/a.txt" and "./a.txt" as typed on a command line: the leading steps say nothing of the file.
  const path = name.replace(/\\/g, '/').replace(/^(\.\.?\/|\/)+/, '');
  return 'file:///' + path.split('/').map(encodeURIComponent).join('/');
}

/** The address for a source that is either a page address or a file name. */
export function sourceUrl(source: string): string {
  return /^(https?|file):\/\//i.test(source) ? source : fileSourceUrl(source);
}
