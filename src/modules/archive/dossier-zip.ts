import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import type { Archiver } from 'archiver';
import type { Db } from '../../db/database';
import type { Actor } from '../auth/auth.service';
import { getAttachment } from '../attachments/attachment.service';
import type { DossierFile } from './dossier-blocks';

// archiver 5 exports a factory; the installed type declarations describe the later class API, so the factory
// is typed here by what it returns.
const archiver = createRequire(import.meta.url)('archiver') as (format: 'zip', options?: object) => Archiver;

/** A name safe in any zip reader: no path separators or control characters, and unique within the archive. */
function safeName(name: string, taken: Set<string>): string {
  const clean =
    name
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      .replace(/^\.+/, '_')
      .slice(0, 150) || 'file';
  let candidate = clean;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const dot = clean.lastIndexOf('.');
    candidate = dot > 0 ? `${clean.slice(0, dot)} (${n})${clean.slice(dot)}` : `${clean} (${n})`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * The dossier as one zip, streamed: the PDF first, then every original upload under uploads/<where it belongs>/,
 * each read from the database only when the zip reaches it.
 */
export function dossierZip(db: Db, actor: Actor, number: string, pdf: Buffer, files: DossierFile[]) {
  const zip = archiver('zip', { zlib: { level: 6 } });
  zip.append(pdf, { name: `${number}.pdf` });
  const taken = new Set<string>();
  for (const f of files) {
    const name = `uploads/${safeName(f.section, new Set())}/${safeName(f.filename, taken)}`;
    const data = Readable.from(
      (async function* () {
        yield (await getAttachment(db, actor, f.id)).data;
      })(),
    );
    zip.append(data, { name });
  }
  void zip.finalize();
  return zip;
}
