import { appendFile, readFile } from 'node:fs/promises';

/** The local inboxes' files, under the data directory's `inboxes` folder: one JSON line a message. */
export const MAIL_FILE = 'mail.jsonl';
export const HANDSET_FILE = 'handset.jsonl';

/** The complete lines of an inbox file; a line torn by a crash was never acknowledged. */
export async function readLines<T>(file: string): Promise<T[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  // Close a torn tail so the next message starts on its own line.
  if (text.length > 0 && !text.endsWith('\n')) await appendFile(file, '\n');
  return text.split('\n').flatMap((line) => {
    try {
      return line ? [JSON.parse(line) as T] : [];
    } catch {
      return [];
    }
  });
}
