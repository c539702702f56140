import { ConsoleError } from '../ipc/errors.ts';

/** A problem with an import file, worded for the duty officer in Chinese and English. */
export class ImportFileError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(`${zh} / ${en}`);
    this.name = 'ImportFileError';
  }
}

/** The refusal every importer returns: names the file and the problem, and says nothing was stored. */
export function importRefusal(fileName: string, error: ImportFileError): ConsoleError {
  return new ConsoleError({
    code: 'INVALID_ARGUMENT',
    message: `${fileName}：${error.zh}，未导入任何数据。 / ${fileName}: ${error.en}; nothing was imported.`,
  });
}
